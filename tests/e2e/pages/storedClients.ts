import type { Page } from '@playwright/test';

export interface StoredClient {
  name: string;
  document: string;
  kind: string;
  mobile: string;
  email: string;
  secondaryEmail: string;
  cep: string;
  uf: string;
  birthDate: string;
}

/** Reads the clients straight from IndexedDB: what is stored, not what the screen formats. */
export async function readStoredClients(page: Page): Promise<StoredClient[]> {
  return page.evaluate(
    () =>
      new Promise<StoredClient[]>((resolve, reject) => {
        const open = indexedDB.open('clientela');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('clients').objectStore('clients').getAll();
          request.onsuccess = () => {
            resolve(request.result as StoredClient[]);
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}
