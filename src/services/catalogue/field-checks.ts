import { BadUserInputError } from '../../errors/app-errors';

const MAX_URL = 2_000;

/**
 * An optional text field, trimmed: null when absent or blank, BAD_USER_INPUT
 * naming the field when required and missing or longer than `max`.
 */
export function checkText(
  value: string | null | undefined,
  field: string,
  max: number,
  required = false,
): string | null {
  if (value == null) {
    if (required) throw new BadUserInputError(`${field} 不能为空 / ${field} is required`, field);
    return null;
  }
  const trimmed = value.trim();
  if (required && !trimmed)
    throw new BadUserInputError(`${field} 不能为空 / ${field} is required`, field);
  if (trimmed.length > max)
    throw new BadUserInputError(
      `${field} 最多 ${max} 个字符 / ${field} is limited to ${max} characters`,
      field,
    );
  return trimmed || null;
}

/** An optional http(s) URL; anything else (javascript:, data:, file:) is refused. */
export function checkHttpUrl(value: string | null | undefined, field: string): string | null {
  const url = checkText(value, field, MAX_URL);
  if (url === null) return null;
  let ok = false;
  try {
    ok = ['https:', 'http:'].includes(new URL(url).protocol);
  } catch {
    ok = false;
  }
  if (!ok)
    throw new BadUserInputError(
      `${field} 应为 http(s) 地址 / ${field} must be an http(s) URL`,
      field,
    );
  return url;
}
