import { useSyncExternalStore } from 'react';

/**
 * "My place" and "accepts my currency": small stores shared by the search screen and any
 * screen that wants to set them (the map's pick mode calls `setPlace`). Kept in localStorage
 * so a consumer sets them once; every tab of the app follows changes through the storage event.
 */
export interface Place {
  lat: number;
  lon: number;
  /** What the person typed or chose ("São Paulo", "-23.55, -46.63"). */
  label: string;
}

const placeKey = 'teia-place';
const currencyKey = 'teia-currency';
const solidarityOnlyKey = 'teia-solidarity-only';
const listeners = new Set<() => void>();

function notify() {
  for (const l of listeners) l();
}

function subscribeStore(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === placeKey || e.key === currencyKey || e.key === solidarityOnlyKey) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

function readRaw(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage refused (private mode): the settings just do not persist
  }
}

function writeRaw(key: string, value: string | null) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // nothing to do: the value lives for this page only
  }
  notify();
}

/** Parses a stored place; anything malformed counts as no place. */
export function parsePlace(raw: string | null): Place | null {
  if (!raw) return null;
  try {
    const p = JSON.parse(raw) as Partial<Place>;
    if (typeof p.lat === 'number' && typeof p.lon === 'number' && validLatLon(p.lat, p.lon)) {
      return { lat: p.lat, lon: p.lon, label: typeof p.label === 'string' ? p.label : `${p.lat}, ${p.lon}` };
    }
  } catch {
    // fall through
  }
  return null;
}

export function validLatLon(lat: number, lon: number): boolean {
  return Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
}

/** "-23.55, -46.63" or "-23.55 -46.63" → coordinates; anything else → null. */
export function parseLatLon(text: string): { lat: number; lon: number } | null {
  const m = /^\s*(-?\d+(?:[.,]\d+)?)\s*[,;\s]\s*(-?\d+(?:[.,]\d+)?)\s*$/.exec(text);
  if (!m) return null;
  // A decimal comma is allowed when the separator is a semicolon or space ("-23,55; -46,63").
  const lat = Number(m[1].replace(',', '.'));
  const lon = Number(m[2].replace(',', '.'));
  return validLatLon(lat, lon) ? { lat, lon } : null;
}

export function setPlace(place: Place | null) {
  writeRaw(placeKey, place ? JSON.stringify(place) : null);
}

export function setCurrency(currency: string | null) {
  writeRaw(currencyKey, currency || null);
}

// useSyncExternalStore wants a stable snapshot: compare the raw strings, parse only on change.
let placeCache: { raw: string | null; value: Place | null } = { raw: null, value: null };
function placeSnapshot(): Place | null {
  const raw = readRaw(placeKey);
  if (raw !== placeCache.raw) placeCache = { raw, value: parsePlace(raw) };
  return placeCache.value;
}

export function usePlace(): Place | null {
  return useSyncExternalStore(subscribeStore, placeSnapshot);
}

export function useCurrency(): string | null {
  return useSyncExternalStore(subscribeStore, () => readRaw(currencyKey));
}

/** "Solidarity enterprises only": the others are then hidden, not just grouped apart. */
export function setSolidarityOnly(on: boolean) {
  writeRaw(solidarityOnlyKey, on ? '1' : null);
}

export function useSolidarityOnly(): boolean {
  return useSyncExternalStore(subscribeStore, () => readRaw(solidarityOnlyKey) === '1');
}
