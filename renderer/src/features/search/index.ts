/** The search feature's public face: the screen is routed lazily; other screens may set "my place". */
export { setPlace, usePlace, setCurrency, useCurrency, type Place } from './place.ts';
