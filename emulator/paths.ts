import path from 'node:path'

/** Where the local pieces live, relative to the repository root. */
export const root = path.resolve(__dirname, '..')
export const paths = {
  root,
  data: path.join(root, '.data'),
  h5: path.join(root, 'dist-h5'),
  weapp: path.join(root, 'dist'),
  functions: path.join(root, 'dist-cloud'),
  databaseSpec: path.join(root, 'cloudfunctions', 'database.json'),
}
