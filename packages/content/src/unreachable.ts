/**
 * The `default` of a switch over a closed union: a new member (a body block kind, a rich-text node)
 * is a compile error at every switch that does not handle it yet, instead of rendering nothing.
 */
export const unreachable = (value: never, what: string): never => {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
};
