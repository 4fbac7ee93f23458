import type { CodegenConfig } from '@graphql-codegen/cli'

/**
 * Typed operations from the committed contract: `../schema/schema.graphql` plus each module's
 * `.graphql` files. Output lands next to each operation file (`*.generated.ts`) and is not
 * committed: `npm run build` and `npm test` regenerate it, so a schema change that breaks an
 * operation fails the build instead of shipping stale types.
 */
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: 'src/**/*.graphql',
  emitLegacyCommonJSImports: false,
  config: {
    useTypeImports: true,
    enumsAsTypes: true,
    scalars: {
      Money: 'string',
      Date: 'string',
      DateTime: 'string',
      Decimal: 'string',
      JSON: 'unknown',
    },
  },
  generates: {
    'src/generated/schema.ts': { plugins: ['typescript'] },
    'src/': {
      preset: 'near-operation-file',
      presetConfig: { extension: '.generated.ts', baseTypesPath: 'generated/schema.ts' },
      // Generated code is not held to this project's unused-import rule.
      plugins: [{ add: { content: '// @ts-nocheck' } }, 'typescript-operations', 'typed-document-node'],
    },
  },
}

export default config
