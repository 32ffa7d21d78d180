// Generates unlisted-names.tsv: ordinary full names from the locale data of @faker-js/faker (MIT), 170 per locale,
// alternating female and male, split into dev (tuning) and test (reported) halves, each with both sexes. Deterministic (fixed seed).
//   npm install --no-save @faker-js/faker@10.6.0 && node generate-unlisted-names.mjs > unlisted-names.tsv
// Integrity of the version used: sha512-3RQHgEtvL1Frl/d1cSreo7qhJ3Gk1OdNUai/CtZ8G+wYeRQnJih3s9xJ9/kgYekPQRdwgh0HXRPqMlzWGwivIQ==
import { Faker, allLocales, base } from '@faker-js/faker';

const PER_LOCALE = 170;
const SEED = 20261205;
const rows = ['split\tlocale\tsex\tname'];
const seen = new Set();
for (const [code, definitions] of Object.entries(allLocales).sort()) {
  const person = definitions.person;
  if (!person || !person.first_name || !person.last_name || code === 'base' || code.includes('BORK')) continue;
  // the locale's own name patterns (order, patronymics, prefixes), its language's and English's where it has none
  const faker = new Faker({ locale: [definitions, allLocales[code.split('_')[0]] ?? definitions, allLocales.en, base] });
  faker.seed(SEED);
  let made = 0;
  for (let tries = 0; made < PER_LOCALE && tries < PER_LOCALE * 5; tries++) {
    const sex = made % 2 === 0 ? 'female' : 'male';
    const name = faker.person.fullName({ sex });
    if (seen.has(name)) continue;
    seen.add(name);
    rows.push([Math.floor(made / 2) % 2 === 0 ? 'dev' : 'test', code, sex, name].join('\t'));
    made++;
  }
}
console.log(rows.join('\n'));
