import { describe, expect, it } from 'vitest';
import { decodeHtmlEntities } from '../../../shared/df/html-entities.ts';

describe('decodeHtmlEntities', () => {
  it.each([
    ['Table &quot;x&quot; does not exist in the database.', 'Table "x" does not exist in the database.'],
    ['Field &#039;name&#039; can not be NULL.', "Field 'name' can not be NULL."],
    ['a &lt; b &amp;&amp; c &gt; d', 'a < b && c > d'],
    ['Caf&eacute; M&uuml;ller &euro;5 &#x263A; &#9731;', 'Café Müller €5 ☺ ☃'],
    ['&nbsp;', '\u00a0'],
    ['&yuml;&iexcl;', 'ÿ¡'],
  ])('decodes %j', (input, expected) => {
    expect(decodeHtmlEntities(input)).toBe(expected);
  });

  it('leaves unknown or invalid references alone', () => {
    expect(decodeHtmlEntities('&bogus; &#0; &#x110000; & plain')).toBe('&bogus; &#0; &#x110000; & plain');
  });

  it('decodes once (no double decoding)', () => {
    expect(decodeHtmlEntities('&amp;quot;')).toBe('&quot;');
  });
});

// HTML 4.01's entity sets (§24.2 HTMLlat1, §24.3 HTMLsymbol, §24.4 HTMLspecial) in the specification's order,
// as `name code point` pairs: PHP's htmlentities (ENT_HTML401, the default) writes exactly these 252 names.
const HTML401 = [
  // HTMLlat1: nbsp … yuml are U+00A0 … U+00FF in order.
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'
    .split(' ')
    .map((name, index) => `${name} ${160 + index}`)
    .join(' '),
  'fnof 402 Alpha 913 Beta 914 Gamma 915 Delta 916 Epsilon 917 Zeta 918 Eta 919 Theta 920 Iota 921 Kappa 922 Lambda 923 Mu 924 Nu 925 Xi 926 Omicron 927 Pi 928 Rho 929 Sigma 931 Tau 932 Upsilon 933 Phi 934 Chi 935 Psi 936 Omega 937',
  'alpha 945 beta 946 gamma 947 delta 948 epsilon 949 zeta 950 eta 951 theta 952 iota 953 kappa 954 lambda 955 mu 956 nu 957 xi 958 omicron 959 pi 960 rho 961 sigmaf 962 sigma 963 tau 964 upsilon 965 phi 966 chi 967 psi 968 omega 969 thetasym 977 upsih 978 piv 982',
  'bull 8226 hellip 8230 prime 8242 Prime 8243 oline 8254 frasl 8260 weierp 8472 image 8465 real 8476 trade 8482 alefsym 8501',
  'larr 8592 uarr 8593 rarr 8594 darr 8595 harr 8596 crarr 8629 lArr 8656 uArr 8657 rArr 8658 dArr 8659 hArr 8660',
  'forall 8704 part 8706 exist 8707 empty 8709 nabla 8711 isin 8712 notin 8713 ni 8715 prod 8719 sum 8721 minus 8722 lowast 8727 radic 8730 prop 8733 infin 8734 ang 8736 and 8743 or 8744 cap 8745 cup 8746 int 8747 there4 8756 sim 8764 cong 8773 asymp 8776 ne 8800 equiv 8801 le 8804 ge 8805 sub 8834 sup 8835 nsub 8836 sube 8838 supe 8839 oplus 8853 otimes 8855 perp 8869 sdot 8901',
  'lceil 8968 rceil 8969 lfloor 8970 rfloor 8971 lang 9001 rang 9002 loz 9674 spades 9824 clubs 9827 hearts 9829 diams 9830',
  'quot 34 amp 38 lt 60 gt 62 OElig 338 oelig 339 Scaron 352 scaron 353 Yuml 376 circ 710 tilde 732 ensp 8194 emsp 8195 thinsp 8201 zwnj 8204 zwj 8205 lrm 8206 rlm 8207 ndash 8211 mdash 8212 lsquo 8216 rsquo 8217 sbquo 8218 ldquo 8220 rdquo 8221 bdquo 8222 dagger 8224 Dagger 8225 permil 8240 lsaquo 8249 rsaquo 8250 euro 8364',
]
  .join(' ')
  .split(' ');
const PHP_ENTITIES = new Map<number, string>();
for (let i = 0; i < HTML401.length; i += 2) PHP_ENTITIES.set(Number(HTML401[i + 1]), HTML401[i] as string);

/** PHP's htmlentities($text, ENT_QUOTES | ENT_HTML401): a name for each of the 252, &#039; for the single quote. */
function phpHtmlEntities(text: string): string {
  return [...text].map((char) => {
    const code = char.codePointAt(0) as number;
    if (code === 39) return '&#039;';
    const name = PHP_ENTITIES.get(code);
    return name === undefined ? char : `&${name};`;
  }).join('');
}

describe('decodeHtmlEntities and PHP htmlentities (issue 8 item 13)', () => {
  it('the test’s HTML 4.01 table holds 252 distinct names for 252 distinct characters', () => {
    expect(new Set(HTML401.filter((_, i) => i % 2 === 0)).size).toBe(252);
    expect(PHP_ENTITIES.size).toBe(252);
  });

  it('issue 8.13: every entity PHP’s htmlentities emits round-trips (all 252 names and &#039;)', () => {
    const everything = `${[...PHP_ENTITIES.keys()].map((code) => String.fromCodePoint(code)).join('')}'`;
    const encoded = phpHtmlEntities(everything);
    expect(encoded.match(/&[^;]+;/g)).toHaveLength(253);
    expect(decodeHtmlEntities(encoded)).toBe(everything);
    for (const [code, name] of PHP_ENTITIES) expect(decodeHtmlEntities(`&${name};`), name).toBe(String.fromCodePoint(code));
  });

  it.each([
    ['Field &Scaron;koda &amp; &OElig;uvre', 'Field Škoda & Œuvre'],
    ['&alpha; &le; &beta; &rarr; 5&permil;', 'α ≤ β → 5‰'],
    ['&lang;x&rang; &hearts; &sdot; &thetasym;', '\u2329x\u232a ♥ ⋅ ϑ'],
  ])('issue 8.13: decodes a DF message with entities beyond Latin-1: %j', (input, expected) => {
    expect(decodeHtmlEntities(phpHtmlEntities(expected))).toBe(expected);
    expect(decodeHtmlEntities(input)).toBe(expected);
  });

  it('issue 8.13: numeric references, decimal and hex (either case), anywhere in the Unicode range', () => {
    expect(decodeHtmlEntities('&#352;&#x160;&#X160;&#128512;&#x1F600;')).toBe('ŠŠŠ😀😀');
  });
});
