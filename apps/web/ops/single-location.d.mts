import type { ServerResponse } from 'node:http';

/** Makes `res` skip appending a `Location` value it already has (ops/single-location.mjs). */
export function keepOneLocation(res: ServerResponse): void;
