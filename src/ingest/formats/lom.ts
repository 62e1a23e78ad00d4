import type { LangString, LomContribution, LomMetadata } from '../types';
import { type XmlElement, textOf } from '../xml/xml-element';

/** Children whose local name matches case-insensitively (IMS MD 1.2 is lower case, LOM 1.0 camel case). */
function kids(el: XmlElement | undefined, local: string): XmlElement[] {
  const want = local.toLowerCase();
  return el ? el.children.filter((c) => c.local.toLowerCase() === want) : [];
}

function kid(el: XmlElement | undefined, local: string): XmlElement | undefined {
  return kids(el, local)[0];
}

/** Reads a LOM LangString container: `<langstring xml:lang>` (IMS MD), `<string language>` (LOM), or bare text. */
export function langStrings(el: XmlElement | undefined): LangString[] {
  if (!el) return [];
  const parts = el.children.filter((c) => /^(langstring|string)$/i.test(c.local));
  if (parts.length === 0) {
    const v = textOf(el);
    return v ? [{ value: v }] : [];
  }
  const out: LangString[] = [];
  for (const p of parts) {
    const value = textOf(p);
    if (!value) continue;
    const lang = p.attrs['xml:lang'] ?? p.attrs.language ?? p.attrs.lang;
    out.push(lang ? { lang, value } : { value });
  }
  return out;
}

/** Picks Chinese, then English, then the first string. */
export function preferredString(values: LangString[]): string | undefined {
  return (
    values.find((v) => v.lang?.toLowerCase().startsWith('zh')) ??
    values.find((v) => v.lang?.toLowerCase().startsWith('en')) ??
    values[0]
  )?.value;
}

/** Value of a LOM vocabulary element: `<value><langstring>x</langstring></value>` or `<value>x</value>`. */
function vocabulary(el: XmlElement | undefined): string | undefined {
  if (!el) return undefined;
  const value = kid(el, 'value');
  return preferredString(langStrings(value ?? el));
}

function vcardName(text: string): string {
  const fn = /^\s*FN[^:]*:(.*)$/im.exec(text);
  return (fn ? fn[1] : text).trim();
}

/** Extracts the fields the hub uses from a `<lom>` element. */
export function parseLom(lom: XmlElement): LomMetadata {
  const general = kid(lom, 'general');
  const titles = langStrings(kid(general, 'title'));
  const description = preferredString(kids(general, 'description').flatMap((d) => langStrings(d)));
  const keywords = kids(general, 'keyword')
    .map((k) => preferredString(langStrings(k)))
    .filter((k): k is string => !!k);
  const languages = kids(general, 'language')
    .map((l) => textOf(l))
    .filter((l): l is string => !!l);

  const contributors: LomContribution[] = [];
  for (const c of kids(kid(lom, 'lifecycle'), 'contribute')) {
    const entities = kids(c, 'entity')
      .map((e) => textOf(kid(e, 'vcard')) ?? textOf(e))
      .filter((e): e is string => !!e)
      .map(vcardName);
    const dateEl = kid(c, 'date');
    const date =
      textOf(kid(dateEl, 'datetime')) ?? textOf(kid(dateEl, 'dateTime')) ?? textOf(dateEl);
    const role = vocabulary(kid(c, 'role'));
    contributors.push({ ...(role ? { role } : {}), entities, ...(date ? { date } : {}) });
  }

  const rightsEl = kid(lom, 'rights');
  let rights: LomMetadata['rights'];
  if (rightsEl) {
    const cost = vocabulary(kid(rightsEl, 'cost'));
    const copyright = vocabulary(kid(rightsEl, 'copyrightAndOtherRestrictions'));
    const rdesc = preferredString(langStrings(kid(rightsEl, 'description')));
    rights = {
      ...(cost ? { cost } : {}),
      ...(copyright ? { copyrightAndOtherRestrictions: copyright } : {}),
      ...(rdesc ? { description: rdesc } : {}),
    };
  }
  const title = preferredString(titles);
  return {
    ...(title ? { title } : {}),
    titles,
    ...(description ? { description } : {}),
    keywords,
    languages,
    contributors,
    ...(rights ? { rights } : {}),
  };
}

/** Fills fields missing in `primary` from `secondary`. */
export function mergeLom(
  primary: LomMetadata | undefined,
  secondary: LomMetadata | undefined,
): LomMetadata | undefined {
  if (!primary) return secondary;
  if (!secondary) return primary;
  const title = primary.title ?? secondary.title;
  const description = primary.description ?? secondary.description;
  const rights = primary.rights ?? secondary.rights;
  return {
    ...(title ? { title } : {}),
    titles: primary.titles.length ? primary.titles : secondary.titles,
    ...(description ? { description } : {}),
    keywords: [...new Set([...primary.keywords, ...secondary.keywords])],
    languages: primary.languages.length ? primary.languages : secondary.languages,
    contributors: primary.contributors.length ? primary.contributors : secondary.contributors,
    ...(rights ? { rights } : {}),
  };
}
