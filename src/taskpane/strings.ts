/** Every word the task pane shows, in French, in one place (ARCHITECTURE.md: one place per front end). */
export const strings = {
  title: 'Suivi CTG',
  placeholder:
    'Ce volet servira à créer, contrôler et consolider le tableau de suivi de la Convention territoriale globale.',
  outsideOffice: 'Ouvrez ce volet depuis Excel pour travailler sur un classeur.',
} as const;
