/** The words of "Scheduled sends", French and English. */
import type { Language } from "./strings.js";

const en = {
  tab: "Scheduled sends",
  refreshList: "Reload",
  refreshAll: "Update all statements",
  loading: "Reading your Drafts…",
  empty: "No message is waiting to be sent later.",
  late: "late",
  ours: "statement",
  to: (list: string) => `To ${list}`,
  noRecipient: "No recipient",
  statementOf: (client: string, month: string) => `${client} — statement of ${month}`,
  attachments: (names: string) => `Attached: ${names}`,
  lateHint: "Its time has passed and Outlook has not sent it (a known Outlook fault): send it now or cancel it.",
  cancel: "Cancel send",
  sendNow: "Send now",
  reschedule: "Reschedule",
  confirmReschedule: "Confirm",
  closeReschedule: "Close",
  newTime: "New send time",
  inZone: (zone: string) => `Time zone: ${zone}`,
  refresh: "Update statement",
  working: "Working…",
  undo: "Undo",
  cancelled: (what: string) =>
    `Send cancelled (${what}): the message is kept in Drafts as an ordinary draft; it will not go out by itself.`,
  statementFollows: "Its statement was rebuilt as of the new day.",
  restored: (when: string) => `Send restored: it goes ${when}.`,
  rescheduled: (when: string) => `Rescheduled: it goes ${when}.`,
  refreshed: (client: string, when: string) =>
    `Statement for ${client} updated from the current ledger; still goes ${when}.`,
  refreshedAll: (count: number) =>
    `${String(count)} statement(s) updated from the current ledger; send times unchanged.`,
  sentNow: (subject: string) => `“${subject}” handed to Outlook to send now.`,
  alreadyGone: "This message is no longer waiting (sent, cancelled or changed elsewhere); the list is reloaded.",
  keptAsDraft:
    "Not rescheduled: the message is kept in Drafts as an ordinary draft, nothing is lost. Open it to send it, or try again.",
  unconfirmed:
    "The mailbox did not confirm the change: the message may still be scheduled and go out at its time. A plain copy was kept in Drafts so nothing is lost. Reload the list to see which, and delete the spare copy from Drafts if the original is still listed.",
  refused: {
    "not-a-draft": "This message has already been sent.",
    "not-scheduled": "This message is not scheduled any more.",
    "in-past": "That time has already passed: pick a later one.",
    "too-soon": "It goes out in less than 2 minutes: too late to change its statement.",
    "no-statement-attachment": "This message carries no statement PDF to update.",
  },
  nothingOwed: (client: string) =>
    `${client} owes nothing any more: the statement was not updated. Cancel the send if it should not go.`,
  unknownClient: (client: string) => `${client} is not in the current ledger: the statement was not updated.`,
  needLedger: "Import the ledger (Settings) to update statements.",
  sentTitle: "Sent (last 31 days)",
  sentEmpty: "No statement sent in the last 31 days.",
  sentAt: (when: string) => `Sent ${when}`,
  classicWindows:
    "Classic Outlook for Windows holds messages scheduled there itself (they wait in Sent Items) and cannot cancel them from an add-in. Those scheduled from Outlook on the web, the new Outlook or Mac are listed here.",
  signinTitle: "Not signed in to your mailbox",
  signinUnavailable: (reason: string) =>
    `This Outlook cannot sign the pane in to Microsoft Graph (${reason}). Below are the sends this pane prepared itself. Signing in would list every waiting message, with cancel, reschedule and statement updates.`,
  signinRefused: (reason: string) =>
    `Sign-in was refused or closed (${reason}). Below are the sends this pane prepared itself. Signing in would list every waiting message, with cancel, reschedule and statement updates.`,
  signIn: "Sign in",
  throttled: (seconds: number) => `Outlook is limiting requests: try again in ${String(seconds)} s.`,
  offline: (reason: string) => `The mailbox cannot be reached (${reason}). Check the connection and try again.`,
  serverError: (status: number, code: string, message: string) =>
    `Graph answered ${String(status)} ${code}: ${message}`,
  tooLarge: (what: string) => `Not done: ${what}.`,
  retry: "Try again",
  localTitle: "Prepared from this pane",
  localHint:
    "The pane set these send times; it cannot tell whether you then pressed Send, nor cancel them without sign-in.",
  localEmpty: "This pane has not prepared any send yet.",
  localPassed: "Its time has passed: look in Sent Items to see whether it went.",
  goesAt: (when: string) => `goes ${when}`,
} as const;

export type ScheduledStrings = {
  readonly [K in keyof typeof en]: (typeof en)[K] extends string
    ? string
    : (typeof en)[K] extends (...args: never[]) => string
      ? (typeof en)[K]
      : { readonly [R in keyof (typeof en)[K]]: string };
};

const fr: ScheduledStrings = {
  tab: "Envois programmés",
  refreshList: "Recharger",
  refreshAll: "Mettre à jour tous les relevés",
  loading: "Lecture de vos Brouillons…",
  empty: "Aucun message n'attend d'envoi programmé.",
  late: "en retard",
  ours: "relevé",
  to: (list) => `À ${list}`,
  noRecipient: "Aucun destinataire",
  statementOf: (client, month) => `${client} — relevé de ${month}`,
  attachments: (names) => `Pièces jointes : ${names}`,
  lateHint:
    "L'heure est passée et Outlook ne l'a pas envoyé (un défaut connu d'Outlook) : envoyez-le maintenant ou annulez-le.",
  cancel: "Annuler l'envoi",
  sendNow: "Envoyer maintenant",
  reschedule: "Reprogrammer",
  confirmReschedule: "Valider",
  closeReschedule: "Fermer",
  newTime: "Nouvelle heure d'envoi",
  inZone: (zone) => `Fuseau horaire : ${zone}`,
  refresh: "Mettre à jour le relevé",
  working: "En cours…",
  undo: "Rétablir",
  cancelled: (what) =>
    `Envoi annulé (${what}) : le message est gardé dans Brouillons comme brouillon ordinaire ; il ne partira pas tout seul.`,
  statementFollows: "Son relevé a été refait à la date du nouveau jour.",
  restored: (when) => `Envoi rétabli : il part ${when}.`,
  rescheduled: (when) => `Reprogrammé : il part ${when}.`,
  refreshed: (client, when) => `Relevé de ${client} mis à jour d'après le registre actuel ; il part toujours ${when}.`,
  refreshedAll: (count) =>
    `${String(count)} relevé(s) mis à jour d'après le registre actuel ; heures d'envoi inchangées.`,
  sentNow: (subject) => `« ${subject} » confié à Outlook pour un envoi immédiat.`,
  alreadyGone: "Ce message n'attend plus (envoyé, annulé ou modifié ailleurs) ; la liste est rechargée.",
  keptAsDraft:
    "Non reprogrammé : le message est gardé dans Brouillons comme brouillon ordinaire, rien n'est perdu. Ouvrez-le pour l'envoyer, ou réessayez.",
  unconfirmed:
    "La boîte aux lettres n'a pas confirmé la modification : le message est peut-être toujours programmé et partira à son heure. Une copie ordinaire est gardée dans Brouillons, rien n'est perdu. Rechargez la liste pour voir lequel, et supprimez la copie de trop dans Brouillons si l'original est toujours listé.",
  refused: {
    "not-a-draft": "Ce message est déjà parti.",
    "not-scheduled": "Ce message n'est plus programmé.",
    "in-past": "Cette heure est déjà passée : choisissez-en une plus tardive.",
    "too-soon": "Il part dans moins de 2 minutes : trop tard pour changer son relevé.",
    "no-statement-attachment": "Ce message ne porte pas de relevé PDF à mettre à jour.",
  },
  nothingOwed: (client) =>
    `${client} ne doit plus rien : le relevé n'a pas été mis à jour. Annulez l'envoi s'il ne doit pas partir.`,
  unknownClient: (client) => `${client} n'est pas dans le registre actuel : le relevé n'a pas été mis à jour.`,
  needLedger: "Importez le registre (Réglages) pour mettre à jour les relevés.",
  sentTitle: "Envoyés (31 derniers jours)",
  sentEmpty: "Aucun relevé envoyé ces 31 derniers jours.",
  sentAt: (when) => `Envoyé ${when}`,
  classicWindows:
    "Outlook classique pour Windows garde lui-même les messages programmés depuis lui (ils attendent dans Éléments envoyés) et un complément ne peut pas les annuler. Ceux programmés depuis Outlook sur le web, le nouvel Outlook ou Mac sont listés ici.",
  signinTitle: "Pas connecté à votre boîte aux lettres",
  signinUnavailable: (reason) =>
    `Cet Outlook ne peut pas connecter le volet à Microsoft Graph (${reason}). Voici les envois préparés depuis ce volet. Une fois connecté, il listerait tous les messages en attente, avec annulation, reprogrammation et mise à jour des relevés.`,
  signinRefused: (reason) =>
    `La connexion a été refusée ou fermée (${reason}). Voici les envois préparés depuis ce volet. Une fois connecté, il listerait tous les messages en attente, avec annulation, reprogrammation et mise à jour des relevés.`,
  signIn: "Se connecter",
  throttled: (seconds) => `Outlook limite les requêtes : réessayez dans ${String(seconds)} s.`,
  offline: (reason) => `La boîte aux lettres est injoignable (${reason}). Vérifiez la connexion et réessayez.`,
  serverError: (status, code, message) => `Graph a répondu ${String(status)} ${code} : ${message}`,
  tooLarge: (what) => `Non effectué : ${what}.`,
  retry: "Réessayer",
  localTitle: "Préparés depuis ce volet",
  localHint:
    "Le volet a réglé ces heures d'envoi ; il ne sait pas si vous avez ensuite appuyé sur Envoyer, et ne peut pas les annuler sans connexion.",
  localEmpty: "Ce volet n'a encore préparé aucun envoi.",
  localPassed: "L'heure est passée : regardez dans Éléments envoyés s'il est parti.",
  goesAt: (when) => `part ${when}`,
};

export const SCHEDULED_STRINGS: Readonly<Record<Language, ScheduledStrings>> = { en, fr };
