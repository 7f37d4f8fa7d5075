/**
 * Top-level domains accepted by IOC extraction. A compact list instead of the whole IANA root zone:
 * its purpose is to tell `evil.com` from `report.pdf`, not to validate every registrable name.
 * Country codes are accepted except those that are mostly seen as file extensions.
 * `.zip` and `.mov` are real TLDs but far more often file names, so they are left out on purpose.
 */

const GENERIC = new Set(
  `com net org info biz edu gov mil int arpa
  io co ai app dev cloud online site website xyz top club shop store tech live life world today news
  blog email mail link click help support services service solutions digital network systems
  business company group global media agency center centre email host hosting space fun icu
  cyou buzz rest bar casa work works win bid trade date loan party review stream download racing
  science cricket faith accountant men mom lol porn sex adult tokyo london berlin paris nyc moscow
  asia mobi name pro tel travel jobs museum aero coop cat eus swiss bank insurance security
  microsoft google amazon apple azure windows office outlook live page web one zone ltd llc inc
  finance financial money capital credit cards games game bet poker casino vip ink pw tk ml ga cf gq
  sbs cfd monster quest beauty hair skin makeup lat autos boats homes motorcycles yachts
  example test onion`.split(/\s+/),
)

/** Country-code TLDs (ISO 3166 codes in the root zone, plus ac, eu, su, uk). */
const COUNTRY = new Set(
  `ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz
  ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj fk fm
  fo fr ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it
  je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn
  mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps
  pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj
  tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw`.split(/\s+/),
)

/** Country codes far more often seen as file extensions (`.py`, `.sh`, `.md`, `.ps`, `.so`, `.rs`, `.mo`). */
const COUNTRY_EXCLUDED = new Set(['py', 'sh', 'md', 'ps', 'so', 'rs', 'mo'])

/** True when `tld` (without the dot) is a plausible top-level domain. */
export function isKnownTld(tld: string): boolean {
  const t = tld.toLowerCase()
  return GENERIC.has(t) || (COUNTRY.has(t) && !COUNTRY_EXCLUDED.has(t))
}
