// How a change to the contract is classified for clients: what it does to the set of valid messages
// (its effect), read from the side of whoever sends that message.

export type Kind = 'breaking' | 'compatible';

/**
 * Who sends the message a schema describes. Clients send requests and read responses; for a webhook
 * it is the other way round (the service sends the payload, the client answers).
 */
export type Direction = 'request' | 'response';

/**
 * What a change does to the messages the contract allows:
 * - `narrower`: fewer messages are valid (a bound tightened, a value removed, a property now required);
 * - `wider`: more messages are valid (a bound loosened, a value added, a property now optional);
 * - `different`: neither, or too different to tell (a type changed, a composition rewritten);
 * - `addition`: something new that a reader may ignore (an optional property, an object opened,
 *   a media type): compatible whoever sends, as clients are expected to read tolerantly;
 * - `default-changed`: what the server assumes for an omitted value changed;
 * - `documentation`: words and examples only.
 */
export type Effect = 'narrower' | 'wider' | 'different' | 'addition' | 'default-changed' | 'documentation';

/**
 * A sender is broken by a narrower contract (what it sends may now be refused), a reader by a wider
 * one (what it reads may now hold values it was never told about, such as a new enum value).
 */
export function classify(effect: Effect, direction: Direction): Kind {
  switch (effect) {
    case 'different':
      return 'breaking';
    case 'narrower':
      return direction === 'request' ? 'breaking' : 'compatible';
    case 'wider':
      return direction === 'response' ? 'breaking' : 'compatible';
    case 'default-changed':
      // A client that omits the value gets another behaviour; a reader is told about a default only.
      return direction === 'request' ? 'breaking' : 'compatible';
    case 'addition':
    case 'documentation':
      return 'compatible';
  }
}

/** The direction of a message read from the other party's side (a webhook's payload and answer). */
export function flip(direction: Direction): Direction {
  return direction === 'request' ? 'response' : 'request';
}
