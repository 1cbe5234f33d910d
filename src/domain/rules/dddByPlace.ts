/**
 * The DDD a phone typed without one most likely has: the DDD of the client's city (Anatel's numbering by
 * municipality, dddData.ts), else of its UF when the whole UF has one DDD. Null when neither tells.
 */
import { toMatchKey } from '../text';
import { DDD_CITIES, SINGLE_DDD_UF } from './dddData';

/** City match key → DDD, per UF; built the first time a UF is asked for. */
const cityIndex = new Map<string, Map<string, string>>();

function citiesOf(uf: string): Map<string, string> | undefined {
  const byDdd = DDD_CITIES[uf];
  if (byDdd === undefined) return undefined;
  let index = cityIndex.get(uf);
  if (index === undefined) {
    index = new Map();
    for (const [ddd, cities] of Object.entries(byDdd)) for (const city of cities.split('|')) index.set(city, ddd);
    cityIndex.set(uf, index);
  }
  return index;
}

export interface PlaceDdd {
  ddd: string;
  /** How it was found, said to the user: "de Joinville/SC", "de SE (o estado tem um só DDD)". */
  source: string;
}

/** `uf`: the normalized UF code; `city`: the city as typed. */
export function dddOfPlace(city: string, uf: string): PlaceDdd | null {
  const single = SINGLE_DDD_UF[uf];
  const cityName = city.trim();
  if (single !== undefined) return { ddd: single, source: cityName === '' ? `de ${uf} (o estado tem um só DDD)` : `de ${cityName}/${uf}` };
  if (cityName === '') return null;
  const ddd = citiesOf(uf)?.get(toMatchKey(cityName));
  return ddd === undefined ? null : { ddd, source: `de ${cityName}/${uf}` };
}
