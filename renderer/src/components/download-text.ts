/**
 * Hands text to the browser as a file to save, through a blob: link with `download`. No request
 * leaves the page and nothing navigates, so the page's content security policy has nothing to
 * refuse; the desktop shell shows its own Save dialog for it.
 */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel a download the browser has not started reading yet; the blob is small.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
