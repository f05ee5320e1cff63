import { useEffect, useRef, useState } from 'react';
import { useRoute } from './router.tsx';

/**
 * The one search box, always in the top bar. "/" or Ctrl/Cmd+K focuses it from anywhere;
 * typing routes to the search screen, which answers as you type.
 */
export function GlobalSearch({ label, placeholder }: { label: string; placeholder: string }) {
  const { path, query, navigate } = useRoute();
  const input = useRef<HTMLInputElement>(null);
  const urlQ = path === '/search' ? (query.get('q') ?? '') : '';
  const [value, setValue] = useState(urlQ);
  // Back/forward (or a link to /search?q=…) changes the address: the box shows what it searches.
  const [seenQ, setSeenQ] = useState(urlQ);
  if (urlQ !== seenQ) {
    setSeenQ(urlQ);
    if (path === '/search') setValue(urlQ);
  }

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
      if ((e.key === 'k' && (e.ctrlKey || e.metaKey)) || (e.key === '/' && !typing)) {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onChange = (q: string) => {
    setValue(q);
    const params = new URLSearchParams(path === '/search' ? query : undefined);
    if (q) params.set('q', q);
    else params.delete('q');
    // A new query starts a new question: the offers of a product chosen before would be stale.
    params.delete('product');
    navigate(`/search?${params.toString()}`, { replace: path === '/search' });
  };

  return (
    <form role="search" className="global-search" onSubmit={(e) => e.preventDefault()}>
      <input
        ref={input}
        type="search"
        aria-label={label}
        placeholder={placeholder}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          // Down arrow (or Enter) goes from the box to the first result, so results are a keystroke away.
          if ((e.key === 'ArrowDown' || e.key === 'Enter') && path === '/search') {
            const first = document.querySelector<HTMLElement>('#main .search-results a, #main .search-results button');
            if (first) {
              e.preventDefault();
              first.focus();
            }
          }
        }}
        aria-keyshortcuts="Control+K /"
      />
      <kbd className="search-shortcut" aria-hidden="true">/</kbd>
    </form>
  );
}
