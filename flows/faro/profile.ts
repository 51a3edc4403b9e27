import type { Profile, Understanding } from './types.ts';

export function ageGroup(age: number): Profile['age'] {
  if (age < 12) return 'under12';
  return age < 18 ? '12to17' : 'adult';
}

/**
 * What a message says about the person, whatever was asked: "tengo 15", "vengo sola",
 * "estoy en tapachula". Only what was said changes; a vaguer answer never replaces a precise one.
 */
export function learnProfile(profile: Profile, u: Understanding | null): Profile {
  if (!u) return profile;
  let age = profile.age;
  if (u.age !== null) age = ageGroup(u.age);
  else if (u.minor === true && (age === null || age === 'adult')) age = 'minor';
  else if (u.minor === false) age = 'adult';
  return {
    age,
    alone: u.alone ?? profile.alone,
    city: u.city ?? profile.city,
  };
}

/** The options of `profile.age.ask`: age and company in one question. */
const OPTIONS: Record<number, Partial<Profile>> = {
  1: { age: 'minor', alone: true },
  2: { age: 'minor', alone: false },
  3: { age: 'adult' },
  4: {},
};

/**
 * The answer to "¿Tienes menos de 18 años? ¿Viajas con tu familia?": an option number, or
 * free text ("tengo 15", "15", "vengo sola", "con mi mamá"). Null when the message answers
 * neither, so it can be read as something else.
 */
export function profileFromAgeAnswer(profile: Profile, u: Understanding): Profile | null {
  if (u.number !== null && u.integer !== null && u.number in OPTIONS) {
    const option = OPTIONS[u.number]!;
    const age = option.age === 'minor' && profile.age && profile.age !== 'adult' ? profile.age : option.age;
    return { ...profile, ...option, ...(age ? { age } : {}) };
  }
  const spokenAge = u.age ?? (u.integer !== null && u.integer >= 5 && u.integer <= 99 ? u.integer : null);
  if (spokenAge === null && u.minor === null && u.alone === null) return null;
  return learnProfile(profile, { ...u, age: spokenAge });
}
