import type { Lexicon } from '../types.ts';
import { ptTalk } from './pt-talk.ts';

// Notation: see PhraseSpec in ../types.ts. Portuguese shares many words with Spanish
// ("sangrando", "dando a luz"); those live in es.ts and match here too.

const CHILD = 'filho|filha|filhos|filhas|crianca|criancas|bebe|menino|menina|irmao|irma|neto|neta';
const PARENT = 'mae|pai|mamae|papai|pais|familia';
const ORDINARY_PLACES = 'escola|medico|hospital|clinica|igreja|escritorio|policia|imigracao';
const GOODS = 'passagem|ingresso|bilhete|documento*|papel*|chip|celular|telefone|comida|roupa|agua|cartao';

export const pt: Lexicon = {
  risk: {
    suicide: [
      { phrase: 'quero|queria morrer|morre', notAfter: 'nao|nunca' },
      { phrase: 'quero|vou|queria me matar|mata|suicidar|cortar', notAfter: 'nao|nunca' },
      'suicid*',
      'tirar vida',
      { phrase: 'nao quero viver', unless: 'aqui|ali|la|em|com|perto|sozinho|sozinha' },
    ],
    medical_emergency: [
      'nao consigo|consegue|conseguimos respirar',
      'nao respira',
      'bolsa estourou|rompeu',
      'trabalho parto',
      'desmai*',
      'convuls*',
      'overdose',
      'morrendo',
      'picada|mordida cobra',
    ],
    sexual_violence: [
      'estupr*',
      // The common misspelling moves the r: "estrupo".
      'estrup*',
      'me|nos tocou|=tocaram|tocando|tocava|apalpou|apalpando',
      'abusou|abusaram|abusando|abusa mim|ela|menina|filha',
      'violentad*',
      'obrigou|obrigaram|forcou|forcaram transar',
      'obrigou|obrigaram|forcou|forcaram ter|fazer sexo',
    ],
    kidnapping: [
      'sequestr*',
      { phrase: 'querem|quer|tentaram|tentou me|nos levar|pegar|sequestrar', unless: ORDINARY_PLACES },
      'levaram|levou forca',
      'pedem|pediram|pedindo resgate',
      'refem',
    ],
    trafficking: [
      // Held against one's will: answered with the trafficking line.
      'me|nos|estou|estamos|fui trancad*|trancaram|trancou',
      { phrase: 'nao deixam|deixa sair', unless: 'cidade|estado|pais|mexico|chiapas|tapachula' },
      'trafico pessoas|humano|humanos',
      'traficad*',
      { phrase: 'me|nos venderam|vendeu|vender|vendendo', unless: GOODS },
      'obrigam|obrigaram|obriga|obrigou|forcam|forcaram trabalhar|prostituir',
      'trabalho forcado|escravo',
      'escrav*',
      'exploracao sexual',
    ],
    lost_child: [
      `perdi|perdemos ${CHILD}|${PARENT}`,
      `${CHILD} sumiu|desapareceu|perdido|perdida|sumido|sumida|desaparecido|desaparecida`,
      // "meu filho perdeu o documento" is about the document.
      `${CHILD} se perdeu`,
      `nao encontro|acho|encontramos|achamos ${CHILD}|${PARENT}`,
      `separad* ${CHILD}|${PARENT}`,
    ],
    violence: [
      'me|nos bate|batem|bateu|bateram|batendo',
      'batendo mim',
      'me|nos machuc*|agred*|espanc*|atacaram|atacou',
      'violencia domestica',
    ],
    threat: [
      'ameac*',
      'querem|quer|vao|vai me|nos matar',
      'extorquindo|extorquiram|extorquem|extorquir',
      'me|nos seguindo|perseguindo|persegue|perseguem',
    ],
  },
  topics: {
    safety: [
      'violencia',
      'extorsao',
      'perigo|perigoso|perigosa',
      'medo',
      'ameaca|ameacas',
      'roubo|roubaram|assalto|assaltaram',
      'golpe|fraude',
      'trafico',
      'abuso',
      'denunciar|denuncia',
      'gangue|gangues',
    ],
    person: ['falar|conversar alguem|pessoa|humano|atendente|advogado', 'pessoa real', 'atendente'],
    detention: [
      'imigracao|migracao',
      'migra',
      'detido|detida|detencao',
      'preso|presa|prenderam',
      'me|nos pegaram',
      'policia',
      'deport*',
      'estacao migratoria',
    ],
    health: [
      'medico|medica',
      'hospital',
      'doente|doenca',
      'clinica',
      'saude',
      'remedio|remedios',
      'psicolog*',
      'dor',
      'gravida|gravidez',
      'vacina|vacinas',
      'febre',
      'ferido|ferida',
      'ansiedade|depressao|triste',
      'dentista',
    ],
    shelter: ['abrigo', 'albergue', 'dormir', 'casa', 'moradia', 'rua', 'comida|comer|fome'],
    asylum: ['asilo', 'refugio', 'refugiado|refugiada', 'comar', 'papeis', 'documentos', 'visto humanitario'],
    rights: [
      'direitos|direito',
      'advogado|advogada',
      'sou menor',
      'menor idade',
      'desacompanhado|desacompanhada',
      'interprete|tradutor',
      'lei',
    ],
    school: [
      'escola|escolas',
      'estudar|estudo',
      'educacao',
      'matricula|matricular',
      'aula|aulas',
      'professor',
    ],
  },
  commands: {
    menu: ['menu', 'inicio', 'menu principal'],
    back: ['voltar'],
    language: ['idioma', 'lingua', 'mudar idioma', 'mudar de idioma'],
    help: ['ajuda', 'me ajuda', 'me ajude'],
    person: [
      'pessoa',
      'humano',
      'atendente',
      'uma pessoa',
      'falar com uma pessoa',
      'falar com alguem',
      'falar com um humano',
      'falar com um atendente',
    ],
    erase: ['apagar', 'apagar meus dados', 'excluir', 'excluir meus dados', 'deletar'],
    yes: ['sim'],
    no: ['nao'],
  },
  languageNames: {
    es: ['espanhol'],
    en: ['ingles'],
    fr: ['frances'],
    ht: ['crioulo', 'crioulo haitiano', 'haitiano'],
    pt: ['portugues', 'brasileiro'],
    other: ['outro', 'outra', 'outro idioma', 'outra lingua'],
  },
  numbers: [
    'um|uma|primeiro|primeira',
    'dois|duas|segundo|segunda',
    'tres|terceiro|terceira',
    'quatro|quarto|quarta',
    'cinco|quinto|quinta',
    'seis|sexto|sexta',
    'sete|setimo|setima',
    'oito|oitavo|oitava',
    'nove|nono|nona',
  ],
  filler: [
    'por favor',
    'ola',
    'oi',
    'bom dia',
    'boa tarde',
    'boa noite',
    'obrigado',
    'obrigada',
    'eu quero',
    'quero',
    'eu preciso',
    'preciso',
    'gostaria de',
  ],
  choiceFiller: ['opcao', 'numero', 'a', 'o', 'escolho'],
  languageFiller: ['falo', 'eu falo', 'em', 'idioma', 'lingua'],
  // One string, split once: a word list reads better as a line than one word per line.
  stopWords: (
    'o a os as um uma de do da dos das em no na com meu minha meus minhas me se esta estao ' +
    'estou ja muito muita mais sempre agora vai vao vou foi e ele ela eles elas'
  ).split(' '),
  talk: ptTalk,
};
