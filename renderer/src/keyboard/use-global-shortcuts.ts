import { useEffect } from 'react';
import { useStoreApi } from '../store/context';
import { handleGlobalKeydown } from './global-shortcuts';

/** Listens for the global shortcuts on the window while the component that calls it is mounted. */
export function useGlobalShortcuts(): void {
  const store = useStoreApi();
  useEffect(() => {
    const onKeydown = (event: KeyboardEvent) => {
      handleGlobalKeydown(event, store);
    };
    window.addEventListener('keydown', onKeydown);
    return () => window.removeEventListener('keydown', onKeydown);
  }, [store]);
}
