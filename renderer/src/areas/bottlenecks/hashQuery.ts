import { useEffect, useState } from 'react';

function read(): URLSearchParams {
  const hash = window.location.hash;
  const index = hash.indexOf('?');
  return new URLSearchParams(index >= 0 ? hash.slice(index + 1) : '');
}

/** The query part of the hash route (#/bottlenecks?id=4): a detail page can be linked and goes back with the browser. */
export function useHashQuery(): URLSearchParams {
  const [query, setQuery] = useState(read);
  useEffect(() => {
    const onChange = () => setQuery(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return query;
}
