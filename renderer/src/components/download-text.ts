/**
 * Hands text to the browser as a file to save, through a blob: link with `download`. No request
 * leaves the page and nothing navigates, so the page's content security policy has nothing to
 * refuse; the desktop shell shows its own Save dialog for it.
 */
export function downloadText(fileName: string, text: string, type: string): void {
  downloadBlob(fileName, new Blob([text], { type }));
}

/** The same for any file made in the page: an image drawn on a canvas, say. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel a download the browser has not started reading yet.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
