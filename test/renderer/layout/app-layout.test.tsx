// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/components/App';
import { StoreProvider } from '../../../renderer/src/store/context';
import { openTestStore, type TestStore } from '../../support/renderer-store';

let t: TestStore;

beforeEach(async () => {
  t = await openTestStore({
    'alpha.txt': 'Alpha talks\n\nByteDance met Microsoft.\n',
    'beta.txt': 'Beta\n\nText.',
  });
  render(
    <StoreProvider store={t.store}>
      <App />
    </StoreProvider>,
  );
});

afterEach(async () => {
  cleanup();
  await t.cleanup();
});

describe('the workbench', () => {
  it('has the header, then three panes as landmarks: documents, the reader, the side panel', () => {
    expect(screen.getByRole('banner')).toBeTruthy();
    const landmarks = [
      screen.getByRole('navigation', { name: 'Documents' }),
      screen.getByRole('main'),
      screen.getByRole('complementary', { name: 'Side panel' }),
    ];
    const panes = [...document.querySelectorAll('.app > nav, .app > main, .app > aside')];
    expect(panes).toEqual(landmarks);
  });

  it('starts with a skip link that moves focus to the reader', async () => {
    const skip = screen.getByRole('link', { name: 'Skip to the reader' });
    expect(document.querySelector('.app')?.firstElementChild).toBe(skip);
    const main = screen.getByRole('main');
    expect(skip.getAttribute('href')).toBe(`#${main.id}`);
    expect(main.tabIndex).toBe(-1);
  });

  it('opens the chosen document in the reader', async () => {
    const nav = screen.getByRole('navigation', { name: 'Documents' });
    await userEvent.click(within(nav).getByRole('button', { name: /Alpha talks/ }));
    const main = screen.getByRole('main');
    await waitFor(() => within(main).getByRole('heading', { name: 'Alpha talks', level: 1 }));
  });
});
