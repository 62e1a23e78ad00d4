/** Query cost control for the public portal API. */
export * from './violations';
export * from './limit-options';
export * from './parse-limit';
export * from './document-walk';
export * from './depth-limit';
export * from './alias-limit';
export * from './directive-limit';
export * from './root-field-limit';
export * from './complexity';
export * from './analyze-query';
export * from './batch-limit';
export * from './batch-limit.middleware';
export * from './cost-limit.plugin';
