/**
 * The directory the user ran `pnpm backup` in: pnpm runs the package's script inside apps/cms and
 * passes the original directory as INIT_CWD.
 */
export const invocationDir = () => process.env.INIT_CWD ?? process.cwd();
