import { toRequiredSet, type RequiredSet } from '../domain/requiredFields';
import type { ClientelaDb } from './db';

const REQUIRED_FIELDS = 'requiredFields';

/** The office's "Campos obrigatórios"; the seed's five until it chooses. */
export async function loadRequiredFields(db: ClientelaDb): Promise<RequiredSet> {
  return toRequiredSet((await db.settings.get(REQUIRED_FIELDS))?.value);
}

export async function saveRequiredFields(db: ClientelaDb, keys: Iterable<string>): Promise<void> {
  await db.settings.put({ key: REQUIRED_FIELDS, value: [...toRequiredSet([...keys])] });
}
