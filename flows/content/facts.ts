import type { Fact } from './types.ts';

/**
 * Every fact Faro's messages state, each traced to `shared/reference/domain-facts.md`.
 * A message may say only what is here; change a fact here first, then the text that states it.
 */

const CHECKED = '2026-11-26';
/** Facts added or re-checked in the content review of issue 14. */
const REVIEWED = '2026-12-03';
const SEED = 'SEED: Blocked from Protection (KIND, Fray Matías, La 72), 2021';

const sourced = (id: string, summary: string, source: string, checked = CHECKED): Fact => ({
  id,
  summary,
  source,
  checked,
  certainty: 'sourced',
});

const seed = (id: string, summary: string, also = '', checked = CHECKED): Fact => ({
  id,
  summary,
  source: also ? `${SEED}; also ${also}` : SEED,
  checked,
  certainty: 'seed',
});

const UNHCR_HOW_TO_APPLY =
  'https://help.unhcr.org/mexico/en/como-solicitar-la-condicion-de-refugiado-en-mexico/';
const UNHCR_ARCHIVE =
  'https://webarchive.archive.unhcr.org/20230630024622mp_/https://help.unhcr.org/mexico/en/como-solicitar-la-condicion-de-refugiado-en-mexico';
const LRPCAP_ART_18 =
  'https://sauzaricoabogados.com/limites-del-derecho-a-solicitar-y-recibir-asilo-en-mexico';
const COMAR_NO_TRANSIT =
  'https://www.breakinglatest.news/news/with-this-document-you-will-not-be-able-to-transit-through-mexico-warning-to-migrants/';
const REGLAMENTO_ART_22_24 = 'https://rimap.unhcr.org/node/60166';
const LM_ART_8 = 'https://extranjerosenme.blogspot.com/2014/05/derechos-y-obligaciones.html';
const LM_ART_112 = 'https://app.avanzzaconsultores.com.mx/capitulo-vii-43';
const LM_ART_52 =
  'https://www.consultoreshh.com/es/ley-inmigracion-mexicana/visitante-por-razones-humanitarias-articulo-52/';
const COMAR_PROCEDURE =
  'https://www.gob.mx/comar/acciones-y-programas/procedimiento-para-ser-reconocido-como-refugiado-en-mexico';
const EMERGENCY_NUMBERS =
  'https://diariodequeretaro.com.mx/local/sabes-para-que-sirven-los-numeros-089-y-911-9351430.html';

const ASYLUM: Fact[] = [
  sourced(
    'asylum.who',
    'Any foreign person in Mexico who fears persecution (race, religion, nationality, gender, social group, political opinion) or fled generalised violence, internal conflict or massive human-rights violations can apply (LRPCAP art. 13).',
    'https://www.gob.mx/comar/acciones-y-programas/procedimiento-para-ser-reconocido-como-refugiado-en-mexico',
  ),
  sourced(
    'asylum.requirements',
    'The only requirements are being foreign, being in Mexico and applying in writing.',
    'https://www.explica.co/how-to-request-refuge-in-mexico.html',
  ),
  sourced(
    'asylum.verbal_and_interpreter',
    'A person who cannot write may apply verbally; one who does not understand Spanish gets an interpreter (LRPCAP art. 18).',
    LRPCAP_ART_18,
  ),
  sourced('asylum.free', 'The procedure is free (LRPCAP art. 18).', LRPCAP_ART_18),
  sourced('asylum.confidential', 'UNHCR: the procedure is free and confidential.', UNHCR_HOW_TO_APPLY),
  sourced(
    'asylum.offices',
    'COMAR has offices in Tapachula and Palenque (Chiapas) and Tenosique (Tabasco), among others; where there is none, apply at INM.',
    UNHCR_HOW_TO_APPLY,
  ),
  sourced(
    'asylum.tapachula_office',
    'Since 29 Sep 2025 COMAR Tapachula works from the Centro Multiservicios on the Libramiento Sur; first-time applicants are seen 07:00-15:00.',
    'https://www.cuartopoder.mx/chiapas/concentran-atencion-en-centro-multiservicios/551684',
  ),
  sourced(
    'asylum.holidays',
    'COMAR closes for holidays (e.g. no attendance until 5 Jan 2026).',
    'https://www.cuartopoder.mx/chiapas/reiniciara-comar-sus-actividades-el-5-de-enero/561894',
  ),
  sourced(
    'asylum.from_detention',
    'A person held in a migration station can ask to be put in touch with COMAR and apply from there.',
    UNHCR_ARCHIVE,
  ),
  sourced(
    'asylum.deadline',
    'Deadline: 30 working days from the working day after entry, or from when applying became materially possible (art. 18).',
    LRPCAP_ART_18,
  ),
  sourced('asylum.late_explain', 'Late applicants should explain why they are late.', UNHCR_HOW_TO_APPLY),
  sourced(
    'asylum.late_court',
    'SCJN Second Chamber 2019 (AR 353/2019, 399/2019): proof of the reason for lateness must not be demanded strictly; a plausible, coherent account is enough.',
    'https://www.debate.com.mx/migracion/SCJN-concede-amparo-a-dos-migrantes-que-buscan-refugio-20191017-0185.html',
  ),
  sourced(
    'asylum.constancia',
    'The applicant gets a constancia de trámite proving the application and a temporary CURP for public services.',
    UNHCR_ARCHIVE,
  ),
  sourced(
    'asylum.curp_temporary',
    'The temporary CURP given to asylum applicants lasts up to 180 days and can be extended once.',
    'https://pulsoslp.com.mx/nacional/modifica-segob-lineamientos-para-otorgar-curp-a-migrantes-extranjeros-/1384268',
    '2026-12-03',
  ),
  sourced(
    'asylum.constancia_scope',
    'The constancia is valid only in the state where the person applied; it gives no regular status and is not a transit document.',
    'https://enlamirapuebla.com/2023/05/26/1685125742-tramite-de-comar-no-es-un-permiso-de-libre-transito-por-el-pais',
  ),
  sourced(
    'asylum.folio_not_constancia',
    'A pre-registration folio or appointment is not a constancia; people were left with no document at all.',
    'https://canal13mexico.com/noticias-2/regionales/chiapas/se-desploma-la-entrega-de-tarjetas-de-asilo-humanitario-en-mexico',
  ),
  sourced(
    'asylum.stay_in_state',
    'The applicant must stay in the state; moving needs COMAR authorisation, a free procedure.',
    'https://papelea.com/mx/secretaria-de-gobernacion/autorizacion-para-continuar-con-el-reconocimiento-de-la-condicion-de-refugiado-en-otra-entidad-feder',
  ),
  sourced(
    'asylum.sign_in',
    'Applicants must sign in periodically (Reglamento art. 24 says weekly; in practice COMAR sets the frequency); not showing up can count as abandoning the claim.',
    `${REGLAMENTO_ART_22_24} and https://latin-american.news/migrants-are-more-vulnerable-due-to-closure-of-comar-unhcr`,
  ),
  sourced(
    'asylum.non_refoulement',
    'While the procedure is open, COMAR guarantees non-return to the country where life, safety or freedom is threatened; COMAR asks INM in writing not to deport the applicant; their consulate is not told without consent (Reglamento art. 22).',
    `${COMAR_PROCEDURE} and ${REGLAMENTO_ART_22_24}`,
    REVIEWED,
  ),
  seed(
    'asylum.decision_law',
    'COMAR must decide within 45 working days, or 90 in exceptional circumstances.',
    'gob.mx/comar',
  ),
  seed(
    'asylum.decision_practice',
    'In practice even 90 days was regularly missed; Asylum Access put decisions at 6-12 months (a figure of November 2019, not 2021). In October 2019, 6,230 applicants had waited over a year.',
    'https://asylumaccess.org/new-comar-data-shows-over-13000-asylum-applicants-waiting-since-2018/',
    REVIEWED,
  ),
  sourced(
    'asylum.procedure_rights',
    'During the procedure: an interpreter, legal representation, an interview and a reasoned decision.',
    'https://www.gob.mx/comar/acciones-y-programas/procedimiento-para-ser-reconocido-como-refugiado-en-mexico',
  ),
  sourced(
    'asylum.appeal',
    'A refused application can be challenged; deadlines are short, so these cases go to staff.',
    COMAR_NO_TRANSIT,
  ),
  sourced(
    'asylum.complementary',
    'Complementary protection: for a person who is not a refugee but whose return would endanger their life or expose them to torture or cruel treatment; COMAR must consider it in the same decision.',
    'https://acsg-portal.org/tools/mexico-otorgamiento-de-proteccion-complementaria/',
  ),
  sourced(
    'asylum.tvrh',
    'With the constancia a person can ask INM for a TVRH, which allows work; unaccompanied children and crime victims or witnesses can also get one; free, usually one year.',
    'https://contigosinfronteras.org/tarjeta-de-visitante-por-razones-humanitarias/ and https://migrantinfo.iom.int/en/node/3465',
  ),
  sourced(
    'asylum.tvrh_caution',
    'INM issued only 618 TVRHs in 2024 (94,829 in 2023) and was giving an "oficio" instead of the card.',
    'https://canal13mexico.com/noticias-2/regionales/chiapas/se-desploma-la-entrega-de-tarjetas-de-asilo-humanitario-en-mexico and https://conexionmigrante.com/2024-/01-/23/organizaciones-denuncian-que-inm-y-comar-niegan-documentos-a-migrantes/',
  ),
  sourced(
    'asylum.tvrh_crime_victim',
    'LM art. 52 V: a victim or witness of a crime committed in Mexico can get the Visitante por Razones Humanitarias status, with permission to work, whether or not the perpetrator is identified or convicted.',
    LM_ART_52,
    REVIEWED,
  ),
  sourced(
    'asylum.appointments_sold',
    'COMAR appointments, places in the queue and constancias are sold in Tapachula (up to USD 1,500), although the procedures are free.',
    'https://www.14ymedio.com/migracion/cubanos-denuncian-extorsiones-complicidad-abogados_1_1116540.html and https://www.diariodelsur.com.mx/policiaca/presunta-venta-de-citas-en-comar-provoca-zafarrancho-entre-migrantes-8292108.html/amp',
    REVIEWED,
  ),
  sourced(
    'asylum.scams',
    'COMAR issues no transit or safe-conduct documents and warns about scams; COMAR is free, so paid appointments or "transit" papers are scams.',
    COMAR_NO_TRANSIT,
  ),
  sourced(
    'asylum.children',
    'Children, including unaccompanied children, apply; COMAR starts with a vulnerability interview and looks for housing and legal representation.',
    'https://jornada.com.mx/notas/2021/11/19/politica/crecen-110-las-peticiones-de-refugio-de-ninos-migrantes-no-acompanados',
  ),
];

const CHILDREN: Fact[] = [
  sourced(
    'rights.papers_competent_authority',
    'No one may be required to prove nationality or migration status except by the competent authority, in the cases the Migration Law sets (LM art. 7).',
    LM_ART_8,
    '2026-12-03',
  ),
  sourced(
    'rights.no_detention',
    'Since the reform in force 11 Jan 2021, children must not be deprived of liberty for migration reasons (LM art. 11); INM may never hold them in migration stations (LM art. 99).',
    'https://blog.derechosinfancia.org.mx/2023/04/11/ninas-ninos-y-adolescentes-migrantes-en-instituciones-o-albergues',
  ),
  sourced(
    'rights.no_separation',
    'Family unity: LM art. 99 (2020 reform) says the detention of the adults who care for a child must be avoided, for family unity and the child’s best interest. It protects the family and carers, not any adult: CNDH Rec. 93/2023 found DIF Chiapas housed 14 children, probable trafficking victims, with adults whose relationship to them was never established.',
    'https://knr.mx/?p=3813 and https://www.mugsnoticias.com.mx/noticias-del-dia/cndh-dirige-recomendacion-al-dif-y-a-la-fge-chiapas-por-violaciones-a-los-ddhh-de-catorce-ninas-ninos-y-adolescentes-migrantes-victimas-de-delito-en-chiapas/',
    REVIEWED,
  ),
  seed('rights.detention_persists', 'Despite the reform, children were still detained (2020-2021).'),
  sourced(
    'rights.ppnna_notice',
    'LM art. 112: INM must notify the PPNNA immediately, hand the child to DIF and start no migration procedure before that notification.',
    LM_ART_112,
  ),
  sourced(
    'rights.tvrh_every_child',
    'LM art. 112: INM provisionally recognises every migrant child put at its disposal as a Visitante por Razones Humanitarias, whether alone or with family.',
    LM_ART_112,
    REVIEWED,
  ),
  sourced(
    'rights.ppnna_role',
    'The PPNNA is the child’s legal representative: it identifies risks and can order urgent protective measures.',
    'https://www.macfound.org/press/country/3/protocolo-de-actuacion-aplicable-en-los-procedimientos-migratorios-para-proteger-los-derechos-de-ninas-ninos-y-adolescentes/',
  ),
  seed(
    'rights.best_interest_determination',
    'The LGDNNA (arts. 2, 17, 18) requires a best-interest determination before any decision to deport, reunify or refer a child to asylum.',
  ),
  sourced(
    'rights.best_interest_rule',
    'Migration Regulation art. 169: the child’s best interest prevails in reunification, regularisation, refugee procedures and assisted return.',
    'https://app.avanzzaconsultores.com.mx/?p=27794',
  ),
  sourced(
    'rights.interpreter',
    'Anyone who does not speak Spanish must be given an interpreter (LM art. 14).',
    'https://gtpm.mx/iniciativas/accesibilidad-de-documentos-y-formatos-en-lenguaje-braile',
  ),
  sourced(
    'rights.birth_registration',
    'Civil registrars may not refuse birth registration because of migration status (LM art. 9).',
    'https://idconline.mx/corporativo/2022/11/10/que-derechos-tienen-los-migrantes-en-mexico',
  ),
  seed(
    'rights.civil_society_shelters',
    'DIF and the PPNNA are overwhelmed; most shelter for children falls to civil-society shelters.',
  ),
  seed(
    'rights.shelter_fears',
    'Some children avoided shelters because of false fears about government shelters.',
  ),
];

const HEALTH_AND_SCHOOL: Fact[] = [
  sourced(
    'health.right',
    'Migrants have the right to any medical care whatever their status, and urgent life-saving care is free (LM art. 8).',
    LM_ART_8,
  ),
  seed(
    'health.refusals',
    'Clinics in Tapachula and Tenosique refused care to unaccompanied children; migrants were often seen only when an organisation went with them.',
  ),
  sourced(
    'health.msf_tapachula',
    'Doctors Without Borders (MSF) runs a fixed clinic in Tapachula with medical and mental-health care and social work (about 18,000 consultations in 2025).',
    'https://canal13mexico.com/?p=450739',
  ),
  sourced(
    'health.msf_sexual_violence',
    'MSF in Tapachula also cares for survivors of sexual violence.',
    'https://elorbe.com/?p=417709',
  ),
  sourced(
    'health.linea_de_la_vida',
    'Línea de la Vida, 800 911 2000: mental health line, free, 24/7.',
    'https://www.eluniversal.com.mx/nacion/promueven-la-linea-de-la-vida-tras-presentar-encuesta-sobre-consumo-de-drogas-asi-puedes-pedir-ayuda/',
  ),
  sourced(
    'health.sexual_violence_no_report',
    'Sexual violence is a medical emergency: care is immediate and free (NOM-046), and the victim needs no criminal complaint (NOM-046 as changed in 2016; Secretaría de Salud criteria of Nov 2025: "denunciar no es una obligación, sino un derecho").',
    'https://www.jornada.com.mx/2025/11/25/politica/015n3pol and https://equifonia.org/2017/09/26/nom-046-proteccion-a-los-derechos-de-las-mujeres/',
    REVIEWED,
  ),
  sourced(
    'health.emergency_contraception',
    'NOM-046: after a rape, health services must offer emergency contraception at once and up to 120 hours (5 days) later; it works best in the first 72 hours.',
    'https://www.elorganismo.com/imss-26-de-csl-incumple-atencion-a-victimas-de-violencia-sexual/ and https://www.gob.mx/salud/documentos/utilizacion-de-la-anticoncepcion-de-emergencia-cnegsr',
    REVIEWED,
  ),
  sourced(
    'health.hiv_pep',
    'HIV post-exposure prophylaxis (PEP) can prevent infection if started within the first 72 hours after the exposure; IMSS must give it whether or not the person is insured.',
    'https://ahfmexico.org.mx/pep and https://pruebadevih.org.mx/pep-como-prevenir-el-vih-despues-de-una-exposicion-de-riesgo/',
    REVIEWED,
  ),
  seed('health.distress', 'Trauma, anxiety and depression are common among migrants on the route.'),
  sourced(
    'school.any_status',
    'Migrants can use public and private schools whatever their status (LM art. 8).',
    LM_ART_8,
  ),
  sourced(
    'school.enrol_without_documents',
    'Basic-education schools must enrol children without documents, at any point in the school year.',
    'https://conexionmigrante.com/2026-/01-/21/escuelas-estan-obligadas-a-inscribir-a-menores-migrantes-en-cualquier-momento-del-ciclo-escolar',
  ),
  seed(
    'school.validation_tenosique',
    'Certifying schooling from abroad is a barrier; since April 2021 Tabasco has validated exams in Tenosique (shown with its date and "ask first to confirm").',
  ),
];

const SAFETY: Fact[] = [
  sourced('safety.911', '911: emergencies, free, 24/7.', EMERGENCY_NUMBERS),
  sourced(
    'safety.089',
    '089: anonymous reports of extortion, kidnapping, trafficking and similar crimes.',
    EMERGENCY_NUMBERS,
  ),
  sourced(
    'safety.trafficking_line',
    'Línea y Chat Nacional contra la Trata de Personas, 800 5533 000, confidential, 24/7.',
    'https://www.eleconomista.com.mx/politica/rescatan-21-victimas-trata-centro-rehabilitacion-clandestino-tlalpan-20251018-782445.html',
  ),
  sourced(
    'safety.red_cross_calls',
    'ICRC and Cruz Roja Mexicana (Restoring Family Links) offer free phone calls at Red Cross points and shelters.',
    'https://icrc.org/es/document/restablecimiento-del-contacto-entre-familiares-en-la-ruta-migratoria-en-mexico',
  ),
  seed(
    'risk.deceptive_offers',
    'Homeless children were lured with promises of housing, work or transport north.',
  ),
  seed('risk.renting_rooms', 'Renting rooms with unrelated adults exposed children to abuse.'),
  seed(
    'risk.kidnapping_extortion',
    'Armed gangs kidnap for ransom and extort on the route; "guides" abandon migrants.',
  ),
  seed(
    'risk.returned_anyway',
    'Children were returned anyway: INM returned 64% of the unaccompanied children it detained in 2020 and 48% in Q1 2021, often without assessing their protection needs.',
    '',
    REVIEWED,
  ),
  sourced(
    'risk.fake_lawyers',
    'A man posing as a lawyer ran a "gestoría" outside COMAR Tapachula, charging MXN 2,000-5,000 for papers that COMAR rejected as invalid.',
    'https://nau.mx/?p=151015',
    REVIEWED,
  ),
  sourced(
    'risk.fake_institution',
    '"Facilitators" illegally use the INM’s institutional image to sell appointments that are free (2025); smugglers hand out fake COMAR and UNHCR papers.',
    'https://24horasqroo.mx/2025/07/29/venta-citas-migratorios-playa-carmen and https://jornada.com.mx/notas/2022/05/02/politica/identificaciones-y-sellos-de-hacienda-falsos-entre-las-tacticas-para-burlar-controles-inm',
    REVIEWED,
  ),
  sourced(
    'risk.documents_retained',
    'Asking for or keeping a person’s identity documents is a method of trafficking networks, and a person who has no access to their documents is a warning sign; keep a copy of your passport on your phone.',
    'https://migrasegura.org/informacao/como-se-define-el-trafico-de-personas/?country=46 and https://admin.mvs.editor80.com/nuevo-leon/2025/8/1/como-detectar-un-posible-caso-de-trata-de-personas-en-tu-viaje-704545.html',
    REVIEWED,
  ),
  seed(
    'risk.lgbtq_confidentiality',
    'LGBTQ+ migrants face abuse; their information must be kept confidential.',
  ),
];

const WORK: Fact[] = [
  sourced(
    'work.asylum_seekers_can_work',
    'From the asylum application on, applicants can be hired in the formal sector (El Economista, 2024); Segob said in 2018 that the temporary CURP lets them have paid work while COMAR decides.',
    'https://lapera.mx/sin-pretextos-empresas-pueden-contratar-migrantes-en-proceso-de-refugio-humanitario/ and https://diario.mx/Nacional/2018-10-27_b48663c4/entregan-curp-a-111-migrantes-/',
    REVIEWED,
  ),
];

export const FACTS: Fact[] = [...ASYLUM, ...CHILDREN, ...HEALTH_AND_SCHOOL, ...SAFETY, ...WORK];

/**
 * Facts stated by messages that are not topic screens (the engine's own keys), so that every
 * fact has a message and every number in a safety message has a fact.
 */
export const MESSAGE_FACTS: Record<string, string[]> = {
  'safety.violence': ['safety.911'],
  'safety.kidnapping': ['safety.911', 'safety.089'],
  'safety.sexual_violence': [
    'safety.911',
    'health.right',
    'health.sexual_violence_no_report',
    'health.emergency_contraception',
    'health.hiv_pep',
  ],
  'safety.suicide': ['safety.911', 'health.linea_de_la_vida'],
  'safety.trafficking': ['safety.911', 'safety.trafficking_line', 'safety.089'],
  'safety.lost_child': ['safety.911', 'safety.red_cross_calls'],
  'safety.threat': ['safety.911', 'safety.089'],
  'safety.medical_emergency': ['safety.911', 'health.right'],
  'safety.followUp': ['safety.911', 'safety.089', 'safety.trafficking_line', 'health.linea_de_la_vida'],
  'safety.afraid': ['safety.911'],
  'safety.confirmed': ['safety.911'],
  'safety.mistaken': ['safety.911'],
  'danger.notNow': ['safety.911'],
  'smallTalk.bye': ['safety.911'],
  'smallTalk.waiting': ['safety.911'],
  'handoff.waiting': ['safety.911'],
  'handoff.outOfHours': ['safety.911', 'health.linea_de_la_vida', 'safety.trafficking_line'],
  'handoff.outOfHoursSafety': ['safety.911'],
  outage: ['safety.911'],
};
