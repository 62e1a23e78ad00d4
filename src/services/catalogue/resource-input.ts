import { BadUserInputError } from '../../errors/app-errors';
import { checkHttpUrl, checkText } from './field-checks';
import type { CreatorCredit } from '../../models/catalogue/resource.model';
import type {
  Audience,
  Category,
  Difficulty,
  License,
  ResourceKind,
} from '../../models/catalogue/vocabulary';
import type { Visibility } from '../../auth/policy';

/** The editable metadata of a resource, as services accept it. */
export interface ResourceFields {
  title: string;
  subtitle: string | null;
  summary: string | null;
  description: string | null;
  keywords: string[];
  categories: Category[];
  audiences: Audience[];
  language: string;
  durationSeconds: number | null;
  difficulty: Difficulty | null;
  creditHours: number | null;
  license: License;
  creators: CreatorCredit[];
  linkUrl: string | null;
  coverUrl: string | null;
  visibility: Visibility;
}

export type ResourceFieldsPatch = Partial<ResourceFields>;

const LIMITS = {
  title: 200,
  subtitle: 200,
  summary: 500,
  description: 20_000,
  keyword: 40,
  keywords: 30,
  creators: 50,
};

/**
 * Checks and normalises metadata. Throws BadUserInputError naming the field,
 * which the mutation payload turns into a userError.
 */
export function checkResourceFields(
  kind: ResourceKind,
  patch: ResourceFieldsPatch,
  isCreate: boolean,
): ResourceFieldsPatch {
  const out: ResourceFieldsPatch = {};
  if (patch.title !== undefined || isCreate)
    out.title = checkText(patch.title, 'title', LIMITS.title, true)!;
  if (patch.subtitle !== undefined)
    out.subtitle = checkText(patch.subtitle, 'subtitle', LIMITS.subtitle);
  if (patch.summary !== undefined)
    out.summary = checkText(patch.summary, 'summary', LIMITS.summary);
  if (patch.description !== undefined)
    out.description = checkText(patch.description, 'description', LIMITS.description);
  if (patch.keywords !== undefined) {
    const keywords = [...new Set((patch.keywords ?? []).map((k) => k.trim()).filter(Boolean))];
    if (keywords.length > LIMITS.keywords)
      throw new BadUserInputError(
        `关键词最多 ${LIMITS.keywords} 个 / at most ${LIMITS.keywords} keywords`,
        'keywords',
      );
    if (keywords.some((k) => k.length > LIMITS.keyword))
      throw new BadUserInputError(
        `每个关键词最多 ${LIMITS.keyword} 个字符 / keywords are limited to ${LIMITS.keyword} characters`,
        'keywords',
      );
    out.keywords = keywords;
  }
  if (patch.categories !== undefined) out.categories = [...new Set(patch.categories ?? [])];
  if (patch.audiences !== undefined) out.audiences = [...new Set(patch.audiences ?? [])];
  if (patch.language !== undefined) {
    if (!patch.language || !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/.test(patch.language)) {
      throw new BadUserInputError(
        '语言应为 BCP 47 代码，如 zh-CN / language must be a BCP 47 tag such as zh-CN',
        'language',
      );
    }
    out.language = patch.language;
  }
  if (patch.durationSeconds !== undefined) {
    const d = patch.durationSeconds;
    if (d !== null && (!Number.isInteger(d) || d < 0 || d > 864_000))
      throw new BadUserInputError(
        '时长应为 0–864000 秒 / durationSeconds must be 0–864000',
        'durationSeconds',
      );
    out.durationSeconds = d;
  }
  if (patch.creditHours !== undefined) {
    const h = patch.creditHours;
    if (h !== null && (!Number.isFinite(h) || h < 0 || h > 200 || Math.round(h * 2) !== h * 2)) {
      throw new BadUserInputError(
        '建议学时应为 0–200，以 0.5 为单位 / creditHours must be 0–200 in steps of 0.5',
        'creditHours',
      );
    }
    out.creditHours = h;
  }
  if (patch.difficulty !== undefined) out.difficulty = patch.difficulty;
  if (patch.license !== undefined) out.license = patch.license;
  if (patch.visibility !== undefined) out.visibility = patch.visibility;
  if (patch.creators !== undefined) {
    const creators = patch.creators ?? [];
    if (creators.length > LIMITS.creators)
      throw new BadUserInputError(
        `署名最多 ${LIMITS.creators} 项 / at most ${LIMITS.creators} credits`,
        'creators',
      );
    out.creators = creators.map((c) => ({
      ...c,
      name: checkText(c.name, 'creators', 100, true)!,
      organization: checkText(c.organization, 'creators', 100) ?? undefined,
    }));
  }
  if (patch.linkUrl !== undefined) out.linkUrl = checkHttpUrl(patch.linkUrl, 'linkUrl');
  if (patch.coverUrl !== undefined) out.coverUrl = checkHttpUrl(patch.coverUrl, 'coverUrl');
  if (isCreate && kind === 'LINK' && !out.linkUrl)
    throw new BadUserInputError(
      '链接类资源需要填写链接 / a LINK resource needs linkUrl',
      'linkUrl',
    );
  return out;
}
