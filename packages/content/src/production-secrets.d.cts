export declare const MIN_SECRET_LENGTH: number;
export declare const findUnsafeSecrets: <Name extends string>(
  names: readonly Name[],
  env: Record<string, string | undefined>,
) => Name[];
export declare const unsafeSecretsMessage: (unsafe: readonly string[]) => string;
