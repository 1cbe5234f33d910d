/**
 * Undo in a shared register: with team sync on, a client the run wrote may have been changed since by
 * someone on another machine (or here). Undo then leaves it as it is now — removing or rolling it back
 * would throw that person's work away — and says which clients it left and why.
 */
import type { ClientRecord } from '../../domain/entities/client';
import type { UndoKept } from '../types';

/** Whether the client changed after the run wrote it: its last change is later than the run's end. */
export function changedSince(current: ClientRecord | undefined, since: number): current is ClientRecord {
  return current !== undefined && current.updatedAt > since;
}

export function keptBecauseChanged(client: ClientRecord, created: boolean): UndoKept {
  const what = created ? 'não foi removido' : 'não voltou a ser como era';
  return { clientId: client.id, name: client.name, reason: `${what}: o cadastro foi alterado depois desta importação (neste ou em outro computador do escritório), e desfazer apagaria essa alteração.` };
}
