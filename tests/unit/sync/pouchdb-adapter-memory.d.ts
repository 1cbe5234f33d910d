// pouchdb-adapter-memory ships no types: it is a PouchDB plugin (the Node tests' in-memory machines).
declare module 'pouchdb-adapter-memory' {
  const plugin: PouchDB.Plugin;
  export default plugin;
}
