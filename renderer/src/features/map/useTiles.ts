import { useCallback, useRef, useState } from 'react';

const storageKey = 'teia-map-tiles';
const maxCached = 400;

/**
 * Online OpenStreetMap tiles, only when the person turns them on (remembered on this device).
 * Tiles load as images (the CSP allows tile.openstreetmap.org images); each arrival redraws.
 */
export function useTiles() {
  const [on, setOnState] = useState(() => localStorage.getItem(storageKey) === 'on');
  const [version, setVersion] = useState(0);
  const cache = useRef(new Map<string, HTMLImageElement>());
  const setOn = useCallback((v: boolean) => {
    localStorage.setItem(storageKey, v ? 'on' : 'off');
    setOnState(v);
  }, []);
  const get = useCallback((z: number, x: number, y: number): HTMLImageElement | null => {
    const key = `${z}/${x}/${y}`;
    let img = cache.current.get(key);
    if (!img) {
      if (cache.current.size > maxCached) cache.current.delete(cache.current.keys().next().value!);
      img = new Image();
      img.onload = () => setVersion((n) => n + 1);
      img.src = `https://tile.openstreetmap.org/${key}.png`;
      cache.current.set(key, img);
    }
    return img.complete && img.naturalWidth > 0 ? img : null;
  }, []);
  return { on, setOn, get, version };
}
