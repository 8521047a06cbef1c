export interface paths {
    "/api/v1/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List accounts
         * @description Returns all accounts for the organization: income sources, pods and external accounts. Supports optional filtering by account type. Items are summaries; `GET /accounts/{id}` returns the full account with its masked account details and current balance.
         *
         *     **Permission:** the API key needs the `LIST_ACCOUNTS` scope. Resource rule: none, the scope alone grants access.
         */
        get: operations["listAccounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The account ID.
                 * @example acc_01HGHI7890
                 */
                id: string;
            };
            cookie?: never;
        };
        /**
         * Get an account
         * @description Returns the full account, including masked account details and the current balance. The account ID must be present in the key's `READ_ACCOUNTS` resources.
         *
         *     **Permission:** the API key needs the `READ_ACCOUNTS` scope. Resource rule: the account ID in the path parameter `id` must be in the `READ_ACCOUNTS` resources of the key (or the key's entry is `*`); otherwise the answer is 403.
         */
        get: operations["getAccount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List rules
         * @description Returns a lightweight list of all rules for the organization. Supports optional filtering by source account.
         *
         *     **Permission:** the API key needs the `LIST_RULES` scope. Resource rule: none, the scope alone grants access.
         */
        get: operations["listRules"];
        put?: never;
        /**
         * Create a rule
         * @description **Coming Soon**: this endpoint is planned for a future release and is not yet available.
         *
         *     Creates a new rule. The rule is created in a disabled state and must be reviewed and set to
         *     `enabled` by a human in the Sequence app before it can be triggered.
         *
         *     **Marked on the published reference:** **v2**.
         *
         *     **Permission:** the API key needs the `CREATE_AND_EDIT_RULES` scope. Resource rule: none, the scope alone grants access.
         */
        post: operations["createRule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The rule ID.
                 * @example rule_01HXYZ1234
                 */
                id: string;
            };
            cookie?: never;
        };
        /**
         * Get a rule
         * @description Returns the full rule including all steps, conditions, and actions. The rule ID must be present in the key's `READ_RULES` resources.
         *
         *     **Permission:** the API key needs the `READ_RULES` scope. Resource rule: the rule ID in the path parameter `id` must be in the `READ_RULES` resources of the key (or the key's entry is `*`); otherwise the answer is 403.
         */
        get: operations["getRule"];
        /**
         * Update a rule
         * @description **Coming Soon**: this endpoint is planned for a future release and is not yet available.
         *
         *     Fully replaces the rule configuration. All required fields must be provided. If the rule's
         *     status is `enabled`, the update will set it to `disabled` and require a human to review and
         *     re-enable it in the Sequence app before it can be triggered again.
         *
         *     **Marked on the published reference:** **v2**.
         *
         *     **Permission:** the API key needs the `CREATE_AND_EDIT_RULES` scope. Resource rule: none, the scope alone grants access.
         */
        put: operations["updateRule"];
        post?: never;
        /**
         * Delete a rule
         * @description Soft-deletes the rule. The rule is deactivated and no longer visible in the Sequence app, but is not permanently removed from the system. Afterwards it is not found and not listed.
         *
         *     **Marked on the published reference:** **v2**.
         *
         *     **Permission:** the API key needs the `CREATE_AND_EDIT_RULES` scope. Resource rule: none, the scope alone grants access.
         */
        delete: operations["deleteRule"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/{id}/trigger": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The rule ID.
                 * @example rule_01HXYZ1234
                 */
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Trigger a rule
         * @description Starts a run of the rule, whatever its trigger type. For MANUAL rules, `manual_execute_amount` overrides the amount transferred. Returns an execution ID that can be polled with `GET /rule-executions/{id}`.
         *
         *     **Permission:** the API key needs the `TRIGGER_RULES` scope. Resource rule: the rule ID in the path parameter `id` must be in the `TRIGGER_RULES` resources of the key (or the key's entry is `*`); otherwise the answer is 403.
         */
        post: operations["triggerRule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rule-executions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List rule executions
         * @description Returns a rule's executions, ordered by `created_at` descending, one page at a time. Supports filtering by status, trigger type and date range. `rule_id` is required and must be present in the key's `READ_RULE_EXECUTIONS` resources.
         *
         *     **Permission:** the API key needs the `READ_RULE_EXECUTIONS` scope. Resource rule: the query parameter `rule_id` is required, and its rule ID must be in the `READ_RULE_EXECUTIONS` resources of the key (or the key's entry is `*`); otherwise the answer is 403.
         */
        get: operations["listRuleExecutions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rule-executions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The rule execution ID.
                 * @example rex_01HABC4567
                 */
                id: string;
            };
            cookie?: never;
        };
        /**
         * Get a rule execution
         * @description Returns the full rule execution including trigger details, outcome and transfer IDs. The execution's rule ID must be present in the key's `READ_RULE_EXECUTIONS` resources.
         *
         *     **Permission:** the API key needs the `READ_RULE_EXECUTIONS` scope. Resource rule: the rule ID found in the response at `/data/rule_id` must be in the `READ_RULE_EXECUTIONS` resources of the key (or the key's entry is `*`); otherwise the answer is 403.
         */
        get: operations["getRuleExecution"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List transfers
         * @description Returns an account's transfers, ordered by `created_at` descending, one page at a time. Credit card and debit card transactions are excluded. `account_id` is required and must be present in the key's `READ_TRANSFERS` resources.
         *
         *     **Permission:** the API key needs the `READ_TRANSFERS` scope. Resource rule: the query parameter `account_id` is required, and its account ID must be in the `READ_TRANSFERS` resources of the key (or the key's entry is `*`); otherwise the answer is 403.
         */
        get: operations["listTransfers"];
        put?: never;
        /**
         * Create a manual transfer
         * @description Creates a manual transfer from a source account to a destination account. The transfer is processed asynchronously: poll `GET /transfers/{id}` to track its status. The key must have a `MANUAL_TRANSFER` permission entry whose `source` matches `source_account_id` and whose `target` matches `destination_account_id`. If `max_amount` is set on the matching entry, the requested amount must not exceed it (403 otherwise). The source and destination must differ (400 otherwise).
         *
         *     **Permission:** the API key needs the `MANUAL_TRANSFER` scope. Resource rule: the body's source account (`/source_account_id`) and destination account (`/destination_account_id`) must match one of the key's `MANUAL_TRANSFER` transfer sets (`{ source, target, max_amount? }`), and the amount (`/amount_in_cents`) must not exceed that set's `max_amount` when it has one; otherwise the answer is 403.
         *
         *     **Contract extension** (beyond the published docs): The docs do not say what happens when the source and the destination are the same account; this contract refuses it with 400 `validation_error`.
         */
        post: operations["createTransfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transfers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The transfer ID.
                 * @example txr_01HABC1111
                 */
                id: string;
            };
            cookie?: never;
        };
        /**
         * Get a transfer
         * @description Returns a single transfer record by ID. The transfer's source or destination account must be in the key's `READ_TRANSFERS` resources.
         *
         *     **Permission:** the API key needs the `READ_TRANSFERS` scope. Resource rule: the account ID found in the response at `/data/source/id`, `/data/destination/id` must be in the `READ_TRANSFERS` resources of the key (or the key's entry is `*`); otherwise the answer is 403.
         */
        get: operations["getTransfer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List cards
         * @description **Coming Soon**: this endpoint is planned for a future release and is not yet available.
         *
         *     Returns the debit cards of a pod. `account_id` is required and must be present in the key's
         *     `READ_CARDS` resources.
         *
         *     **Permission:** the API key needs the `READ_CARDS` scope. Resource rule: the query parameter `account_id` is required, and its account ID must be in the `READ_CARDS` resources of the key (or the key's entry is `*`); otherwise the answer is 403.
         */
        get: operations["listCards"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The card ID.
                 * @example card_01HABC4567
                 */
                id: string;
            };
            cookie?: never;
        };
        /**
         * Get a card
         * @description **Coming Soon**: this endpoint is planned for a future release and is not yet available.
         *
         *     Returns a single card by ID. The card's linked account ID must be present in the key's
         *     `READ_CARDS` resources.
         *
         *     **Permission:** the API key needs the `READ_CARDS` scope. Resource rule: the account ID found in the response at `/data/account_id` must be in the `READ_CARDS` resources of the key (or the key's entry is `*`); otherwise the answer is 403.
         */
        get: operations["getCard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards/{id}/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The card ID.
                 * @example card_01HABC4567
                 */
                id: string;
            };
            cookie?: never;
        };
        /**
         * List card transactions
         * @description **Coming Soon**: this endpoint is planned for a future release and is not yet available.
         *
         *     Returns a card's transactions, ordered by `created_at` descending, one page at a time:
         *     purchases (debits) and refunds (credits). The card's linked account ID must be present in the
         *     key's `READ_CARDS` resources.
         *
         *     **Permission:** the API key needs the `READ_CARDS` scope. Resource rule: the account ID found in the response at `/data/0/account_id` must be in the `READ_CARDS` resources of the key (or the key's entry is `*`); otherwise the answer is 403.
         *
         *     **Contract extension** (beyond the published docs): Where the permission check finds the card's account: the docs check the card's linked account, and every card transaction carries that account as `account_id`, so the first item of the page decides. An empty page has no account to check: it is answered only to a key whose `READ_CARDS` resources are `*`, and any other key gets 403 (the real service looks the card's account up directly).
         */
        get: operations["listCardTransactions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sequences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List sequences
         * @description Lists the account's email sequences, newest first, optionally filtered by status or by a search on the name. Paginate with `limit` and `offset`; `pagination.hasMore` says whether another page follows.
         */
        get: operations["listEmailSequences"];
        put?: never;
        /**
         * Create sequence
         * @description Creates an automation sequence that sends emails based on a trigger. Either:
         *
         *     - give a `goal` (Option A) to have AI generate `emailCount` emails (default 5, maximum 10) based
         *       on your brand, asynchronously (typically 30-60 seconds): poll
         *       `GET /api/v1/sequences/{id}` to check the enrichment status; or
         *     - give explicit `steps` (Option B): email steps with `blocks` or `html` (HTML, React Email or
         *       MJML output, converted to Sequenzy blocks by AI), and `create_discount` steps.
         *
         *     The sequence is created in `draft` status; activate it with `POST /api/v1/sequences/{id}/enable`.
         *     The first step typically has no delay (sends immediately after the trigger). Each email step
         *     creates an email template in your account that can be edited later.
         *
         *     **Discount merge tags.** When a `create_discount` step runs, later emails in the same sequence can
         *     use the most recently created discount: `{{discount.code}}`, `{{discount.percentOff}}`,
         *     `{{discount.amountOff}}`, `{{discount.currency}}`, `{{discount.expiresAt}}`. Discount sequences
         *     require a connected integration for the selected provider (such as Stripe or Shopify) before
         *     activation.
         *
         *     **Enrollment modes.** Use `matching_field` for `event_received` sequences where each run belongs
         *     to a specific object in the event payload: a subscriber may have separate active runs for
         *     different products, variants, orders or subscriptions, while duplicate active runs for the same
         *     resolved field are blocked. Set `enrollmentFieldPath` for custom events, or send
         *     `sequenceEnrollmentKey`, `enrollmentKey` or common product/variant fields in the event
         *     properties.
         *
         *     **Event merge tags.** In an `event_received` sequence, the properties of the event that enrolls
         *     the subscriber (sent to `POST /api/v1/subscribers/events`) are available as `{{event.*}}` merge
         *     tags, such as `{{event.city}}`, `{{event.alert.maxSpeed}}` or `{{event.duration.hours|a few}}`
         *     (with a fallback). The event snapshot is stored on the sequence run, so delayed follow-up emails
         *     keep using the original values.
         *
         *     The docs also accept the old alias `POST /v1/sequences`; in this contract that path belongs to
         *     the Comms service, so the alias is not modelled.
         */
        post: operations["createEmailSequence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sequences/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Sequence ID.
                 * @example seq_abc123
                 */
                id: string;
            };
            cookie?: never;
        };
        /**
         * Get sequence
         * @description Returns a sequence's metadata, its steps and emails, and the status of AI enrichment. Poll it after creating a sequence with a `goal` (or with `html` steps) until `enrichmentStatus` is `complete`.
         */
        get: operations["getEmailSequence"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sequences/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Sequence ID.
                 * @example seq_abc123
                 */
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enable sequence
         * @description Activates a sequence (status `active`), after readiness checks: a sequence with `create_discount` steps needs a connected integration for the discount provider (such as Stripe). Non-blocking remarks come back in `warnings`.
         */
        post: operations["enableEmailSequence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sequences/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Sequence ID.
                 * @example seq_abc123
                 */
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disable sequence
         * @description Pauses a sequence (status `paused`); enable it again with `POST /api/v1/sequences/{id}/enable`.
         */
        post: operations["disableEmailSequence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subscribers/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Track event
         * @description Records an event for a subscriber, creating the subscriber if they do not exist. The event enrolls the subscriber in `event_received` sequences whose `eventName` matches, and its `properties` become `{{event.*}}` merge tags in those sequences' emails (kept on the sequence run, so delayed emails use the original values). Re-sending the same `eventId` records nothing new.
         */
        post: operations["trackSubscriberEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sequences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a comms sequence
         * @description Creates a multi-channel message sequence for a brand: an ordered list of steps, each sending a template on one channel (`email`, `sms`, `push` or `in_app`) after a delay in minutes. Answers 201 with the sequence, its steps now carrying ids.
         *
         *     The docs declare no scope for this endpoint ("no scope declared"): any valid bearer token is accepted.
         */
        post: operations["createCommsSequence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sequences/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The sequence's id.
                 * @example seq_01JQ8M4ZK7C2V9XW3N5R6T8YBD
                 */
                id: string;
            };
            cookie?: never;
        };
        /**
         * Get a comms sequence
         * @description Returns a comms sequence with its steps.
         *
         *     The docs declare no scope for this endpoint ("no scope declared"): any valid bearer token is accepted.
         */
        get: operations["getCommsSequence"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sequences/{id}/enroll": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The id of the sequence to enroll the person in.
                 * @example seq_01JQ8M4ZK7C2V9XW3N5R6T8YBD
                 */
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enroll a person in a comms sequence
         * @description Enrolls a person of a brand in a comms sequence; the sequence's messages go to `recipient`. Answers 201 with the enrollment.
         *
         *     The docs declare no scope for this endpoint ("no scope declared"): any valid bearer token is accepted.
         */
        post: operations["enrollInCommsSequence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sequences/enrollments/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The id of the enrollment to cancel.
                 * @example enr_01JQ9A2C4E6G8J0M2P4R6T8V0X
                 */
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a comms enrollment
         * @description Cancels an enrollment: the person receives no further steps of the sequence. Takes no request body. Answers 200 with the enrollment.
         *
         *     The docs declare no scope for this endpoint ("no scope declared"): any valid bearer token is accepted.
         */
        post: operations["cancelCommsEnrollment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    transferCreated: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Transfer created
         * @description **Coming Soon**: this endpoint is planned for a future release and is not yet available.
         *
         *     Sent when a new transfer is created, regardless of its initial status. This fires for all origins (rule, user, money in, money out...). Fetch the full transfer with `GET /transfers/{id}`.
         *
         *     The service sends this event as a `POST` with a JSON body to the URL the organization
         *     registered; the receiver acknowledges it with any 2xx status.
         *
         *     **Contract extension** (beyond the published docs): The docs document no authentication, signature or retry policy for webhooks, so the request carries no security requirement, and any 2xx answer acknowledges the event.
         */
        post: operations["onTransferCreated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    transferRequiresApproval: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Transfer requires approval
         * @description **Coming Soon**: this endpoint is planned for a future release and is not yet available.
         *
         *     Sent when a transfer is created with status `pending_approval` and is waiting for a person to approve it in the Sequence app before it can be processed. Fetch the full transfer with `GET /transfers/{id}`.
         *
         *     The service sends this event as a `POST` with a JSON body to the URL the organization
         *     registered; the receiver acknowledges it with any 2xx status.
         *
         *     **Contract extension** (beyond the published docs): The docs document no authentication, signature or retry policy for webhooks, so the request carries no security requirement, and any 2xx answer acknowledges the event.
         */
        post: operations["onTransferApprovalRequired"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    transferStatusChanged: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Transfer status changed
         * @description **Coming Soon**: this endpoint is planned for a future release and is not yet available.
         *
         *     Sent when a transfer moves to a new status. Carries the transfer ID and the previous status, to react to specific transitions (e.g. `pending` to `complete`). Fetch the current transfer with `GET /transfers/{id}`.
         *
         *     The service sends this event as a `POST` with a JSON body to the URL the organization
         *     registered; the receiver acknowledges it with any 2xx status.
         *
         *     **Contract extension** (beyond the published docs): The docs document no authentication, signature or retry policy for webhooks, so the request carries no security requirement, and any 2xx answer acknowledges the event.
         */
        post: operations["onTransferStatusChanged"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /**
         * ValidationProblem
         * @description One problem found in a request, and where it was found.
         *
         *     **Contract extension** (beyond the published docs): Not in any service's docs. Every service's validation error lists its problems this way, so a client can tell which input was rejected.
         */
        ValidationProblem: {
            /**
             * @description Which part of the request holds the problem; `body` when absent.
             * @default body
             * @enum {string}
             */
            in?: "body" | "path" | "query" | "header";
            /**
             * @description A JSON pointer (RFC 6901) to the offending value: into the request body, or for a parameter `/<name>` (with `in` saying where the parameter is).
             * @example /trigger/type
             */
            pointer: string;
            /**
             * @description What is wrong, as a sentence.
             * @example must be one of ON_FUNDS_TRANSFERRED, SCHEDULED, MANUAL
             */
            message: string;
        };
        /**
         * RulesError
         * @description The Rules service's error envelope.
         */
        RulesError: {
            error: {
                /**
                 * @description Machine-readable error code. Documented: `unauthorized` (401), `forbidden` (403), `resource_not_found` (404). Extensions: `validation_error` and `idempotency_key_mismatch` (400), `route_not_found` (404), `method_not_allowed` (405).
                 * @example resource_not_found
                 */
                code: string;
                /**
                 * @description A sentence a person can read.
                 * @example Rule with id 'rule_123' was not found.
                 */
                message: string;
                /**
                 * @description What was wrong with the request and where, one entry per problem.
                 *
                 *     **Contract extension** (beyond the published docs): The docs show only code and message; a mock must say which field failed, so validation errors list each problem with a JSON pointer.
                 */
                details?: components["schemas"]["ValidationProblem"][];
            };
        };
        /**
         * RequestId
         * @description The request's `X-Request-ID`, echoed, or generated by the server (`req_` and a ULID-like id).
         *
         *     **Contract extension** (beyond the published docs): The echoed X-Request-ID is at most 200 characters, as the request parameter allows.
         * @example req_01HXYZ6666
         */
        RequestId: string;
        /**
         * AccountType
         * @description The kind of account (also the node type of an action's source and destination).
         * @example pod
         * @enum {string}
         */
        AccountType: "income_source" | "pod" | "external_account";
        /**
         * NamedAccountRef
         * @description An account named in a listing, with its display name.
         */
        NamedAccountRef: {
            /** @example acc_01HABC4567 */
            id: string;
            type: components["schemas"]["AccountType"];
            /** @example Chase Checking ••4567 */
            name: string;
        };
        /**
         * Rule
         * @description A stored rule with its trigger, steps, conditions and actions.
         */
        Rule: components["schemas"]["RuleDefinition"] & {
            /**
             * @description The rule ID.
             * @example rule_01HXYZ1234
             */
            id: string;
            nickname: string | null;
            description: string | null;
            /**
             * Format: date-time
             * @example 2024-03-01T10:00:00Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2024-03-01T10:00:00Z
             */
            updated_at: string;
        };
        /**
         * RuleDefinition
         * @description The fields a client writes for a rule, shared by create, replace and the stored rule. Each of those narrows `nickname` and `description` (nullable on replace and on the stored rule, not on create).
         */
        RuleDefinition: {
            /**
             * @description A short name for the rule.
             * @example Auto-save on deposit
             */
            nickname?: unknown;
            /**
             * @description What the rule does, in words.
             * @example Saves 20% of every incoming deposit
             */
            description?: unknown;
            status: components["schemas"]["RuleStatus"];
            trigger: components["schemas"]["RuleTrigger"];
            /**
             * @description Tried in order; the first step whose conditions pass runs.
             *
             *     **Contract extension** (beyond the published docs): The pages type `steps` as a required array without a minimum; this contract refuses an empty one, as a rule without steps can do nothing.
             */
            steps: components["schemas"]["RuleStep"][];
        };
        /**
         * RuleCreateRequest
         * @description A new rule. It is created disabled, whatever `status` says, until a person enables it.
         */
        RuleCreateRequest: components["schemas"]["RuleDefinition"] & {
            nickname?: string;
            description?: string;
        };
        /**
         * RuleReplaceRequest
         * @description The whole rule, replacing the stored one; all required fields must be provided. Unlike on create, `nickname` and `description` may be `null`.
         */
        RuleReplaceRequest: components["schemas"]["RuleDefinition"] & {
            nickname?: string | null;
            description?: string | null;
        };
        /**
         * RuleResponse
         * @description A rule in the Rules service's success envelope.
         */
        RuleResponse: {
            request_id: components["schemas"]["RequestId"];
            data: components["schemas"]["Rule"];
        };
        /**
         * RuleSummary
         * @description A rule as listed by `GET /rules`, without its steps.
         */
        RuleSummary: {
            /** @example rule_01HXYZ1234 */
            id: string;
            /** @example Auto-save on deposit */
            nickname: string | null;
            /** @example Saves 20% of every incoming deposit */
            description: string | null;
            status: components["schemas"]["RuleStatus"];
            /**
             * @example ON_FUNDS_TRANSFERRED
             * @enum {string}
             */
            trigger_type: "ON_FUNDS_TRANSFERRED" | "SCHEDULED" | "MANUAL";
            /**
             * @description The rule's source account, or `null` when it has none.
             *
             *     **Contract extension** (beyond the published docs): Nullable here because a MANUAL rule names no account; the docs do not say.
             */
            source: components["schemas"]["NamedAccountRef"] | null;
            /**
             * Format: date-time
             * @example 2024-03-01T10:00:00Z
             */
            created_at: string;
        };
        /**
         * RuleListResponse
         * @description Every rule of the organization, in the success envelope.
         */
        RuleListResponse: {
            request_id: components["schemas"]["RequestId"];
            data: components["schemas"]["RuleSummary"][];
        };
        /**
         * RuleStatus
         * @description Whether the rule runs. New rules are created disabled, and an update sets an enabled rule back to disabled: a person reviews and enables rules in the Sequence app.
         * @example disabled
         * @enum {string}
         */
        RuleStatus: "enabled" | "disabled";
        /**
         * RuleTrigger
         * @description What starts the rule. The `type` tag selects the shape; an unknown type is rejected.
         */
        RuleTrigger: components["schemas"]["OnFundsTransferredTrigger"] | components["schemas"]["ScheduledTrigger"] | components["schemas"]["ManualTrigger"];
        /**
         * OnFundsTransferredTrigger
         * @description Runs the rule when funds arrive in the account.
         */
        OnFundsTransferredTrigger: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ON_FUNDS_TRANSFERRED";
            /**
             * @description The account whose incoming transfers trigger the rule.
             * @example acc_01HABC4567
             */
            account_id: string;
        };
        /**
         * ScheduledTrigger
         * @description Runs the rule on a schedule.
         */
        ScheduledTrigger: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "SCHEDULED";
            /**
             * @description How often the rule runs. The docs show `MONTHLY`; the other values come from the same vendor's other API.
             *
             *     **Contract extension** (beyond the published docs): Only MONTHLY is printed in these docs; the rest are the vendor's other API's schedule types.
             * @example MONTHLY
             * @enum {string}
             */
            schedule_type: "ONE_TIME" | "DAILY" | "WEEKLY" | "BI_WEEKLY" | "EVERY_OTHER_WEEK" | "MONTHLY";
            /**
             * Format: date-time
             * @description When the schedule starts (ISO 8601, UTC).
             * @example 2024-04-01T09:00:00Z
             */
            start_date: string;
            /**
             * @description The account the schedule belongs to.
             * @example acc_01HABC4567
             */
            account_id: string;
        };
        /**
         * ManualTrigger
         * @description Runs the rule only when it is triggered through `POST /rules/{id}/trigger`.
         */
        ManualTrigger: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "MANUAL";
        };
        /**
         * RuleStep
         * @description One step of a rule. Steps are tried in order and the first whose conditions pass runs its actions; `conditions: null` always passes.
         */
        RuleStep: {
            conditions: components["schemas"]["RuleConditions"] | null;
            /** @description **Contract extension** (beyond the published docs): The pages print no minimum; this contract refuses a step without actions, as it would move nothing. */
            actions: components["schemas"]["RuleAction"][];
        };
        /**
         * RuleConditions
         * @description The conditions a step needs to pass; `null` on a step means it always passes.
         */
        RuleConditions: {
            condition: components["schemas"]["RuleCondition"];
        };
        /**
         * RuleCondition
         * @description A comparison of a fact against a value.
         */
        RuleCondition: {
            /**
             * @description What is compared: an account `BALANCE`, the `DATE` (day of the month), or the incoming `TRANSFER_AMOUNT` (rules triggered by incoming funds only).
             * @example BALANCE
             * @enum {string}
             */
            fact: "BALANCE" | "DATE" | "TRANSFER_AMOUNT";
            /**
             * @description The comparison. The docs print `GREATER_THAN`.
             *
             *     **Contract extension** (beyond the published docs): Only GREATER_THAN is printed in the docs; the other comparisons are assumed by symmetry.
             * @example GREATER_THAN
             * @enum {string}
             */
            operator: "GREATER_THAN" | "GREATER_THAN_OR_EQUAL" | "LESS_THAN" | "LESS_THAN_OR_EQUAL" | "EQUAL";
            /**
             * @description The value compared against; amounts are integer cents.
             * @example 50000
             */
            value: number | string;
        };
        /**
         * RuleAction
         * @description What a step does: moves money from `source` to `destination`. The `type` tag selects the shape.
         */
        RuleAction: components["schemas"]["PercentageAction"] | components["schemas"]["FixedAmountAction"] | components["schemas"]["AvalancheAction"] | components["schemas"]["SnowballAction"] | components["schemas"]["TopUpAction"] | components["schemas"]["RoundDownAction"] | components["schemas"]["NextPaymentMinimumAction"];
        /**
         * RuleActionBase
         * @description The fields every action shares, whatever its type.
         */
        RuleActionBase: {
            /** @description The kind of action; selects the action's shape. */
            type: string;
            source: components["schemas"]["RuleActionNode"];
            destination: components["schemas"]["RuleActionNode"];
            /**
             * @description The action group this action belongs to; transfer caps apply per group.
             *
             *     **Contract extension** (beyond the published docs): The pages print an integer (0); this contract takes it as an index, never negative.
             * @example 0
             */
            group_index?: number;
            /**
             * @description Move at most what the source holds instead of failing when it holds less.
             * @example false
             */
            up_to_enabled?: boolean;
            /**
             * @description Set by the service in responses; not sent in requests.
             * @example false
             */
            readonly is_direct_deposit?: boolean;
        };
        /**
         * RuleActionNode
         * @description An account that an action moves money from or to.
         */
        RuleActionNode: {
            /**
             * @description The account ID.
             * @example acc_01HABC4567
             */
            id: string;
            type: components["schemas"]["AccountType"];
        };
        /**
         * PercentageAction
         * @description Moves a percentage of the target amount.
         */
        PercentageAction: components["schemas"]["RuleActionBase"] & {
            /** @constant */
            type?: "percentage";
            /**
             * @description The percentage to move, 0 to 100.
             * @example 20
             */
            percentage_value: number;
            /**
             * @description What the percentage is taken of.
             *
             *     **Contract extension** (beyond the published docs): The docs print INCOMING_AMOUNT; SOURCE_ACCOUNT comes from the vendor's other API.
             * @example INCOMING_AMOUNT
             * @enum {string}
             */
            percentage_target: "INCOMING_AMOUNT" | "SOURCE_ACCOUNT";
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "percentage";
        };
        /**
         * FixedAmountAction
         * @description Moves a fixed amount.
         */
        FixedAmountAction: components["schemas"]["RuleActionBase"] & {
            /** @constant */
            type?: "fixed_amount";
            /**
             * @description The amount to move, in integer cents.
             *
             *     **Contract extension** (beyond the published docs): The pages print integer cents (5000) without a minimum; this contract refuses moving nothing or less.
             * @example 5000
             */
            amount_in_cents: number;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "fixed_amount";
        };
        /**
         * AvalancheAction
         * @description An action of type `avalanche`. The docs name the type without publishing its own fields, so the fields it carries beside the shared ones are accepted as they are.
         */
        AvalancheAction: {
            [key: string]: unknown;
        } & (components["schemas"]["RuleActionBase"] & {
            /** @constant */
            type?: "avalanche";
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "avalanche";
        });
        /**
         * SnowballAction
         * @description An action of type `snowball`. The docs name the type without publishing its own fields, so the fields it carries beside the shared ones are accepted as they are.
         */
        SnowballAction: {
            [key: string]: unknown;
        } & (components["schemas"]["RuleActionBase"] & {
            /** @constant */
            type?: "snowball";
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "snowball";
        });
        /**
         * TopUpAction
         * @description An action of type `top_up`. The docs name the type without publishing its own fields, so the fields it carries beside the shared ones are accepted as they are.
         */
        TopUpAction: {
            [key: string]: unknown;
        } & (components["schemas"]["RuleActionBase"] & {
            /** @constant */
            type?: "top_up";
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "top_up";
        });
        /**
         * RoundDownAction
         * @description An action of type `round_down`. The docs name the type without publishing its own fields, so the fields it carries beside the shared ones are accepted as they are.
         */
        RoundDownAction: {
            [key: string]: unknown;
        } & (components["schemas"]["RuleActionBase"] & {
            /** @constant */
            type?: "round_down";
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "round_down";
        });
        /**
         * NextPaymentMinimumAction
         * @description An action of type `next_payment_minimum`. The docs name the type without publishing its own fields, so the fields it carries beside the shared ones are accepted as they are.
         */
        NextPaymentMinimumAction: {
            [key: string]: unknown;
        } & (components["schemas"]["RuleActionBase"] & {
            /** @constant */
            type?: "next_payment_minimum";
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "next_payment_minimum";
        });
        /**
         * TriggerRuleRequest
         * @description Optional settings for one run of a rule.
         *
         *     **Contract extension** (beyond the published docs): The docs describe `manual_execute_amount` but print no request body; the body is optional.
         */
        TriggerRuleRequest: {
            /**
             * @description For MANUAL rules, overrides the amount transferred, in integer cents.
             * @example 25000
             */
            manual_execute_amount?: number;
        };
        /**
         * TriggerRuleResponse
         * @description The started rule execution, to poll with `GET /rule-executions/{id}`.
         *
         *     **Contract extension** (beyond the published docs): The docs say triggering "returns an execution ID that can be polled via the rule-executions API" without printing the body; this contract answers 202 with the execution ID, the rule ID and the execution status.
         */
        TriggerRuleResponse: {
            request_id: components["schemas"]["RequestId"];
            data: {
                /**
                 * @description The rule execution ID (`rex_`).
                 * @example rex_01HABC4567
                 */
                execution_id: string;
                /** @example rule_01HXYZ1234 */
                rule_id: string;
                /**
                 * @description The execution's status when it was accepted.
                 * @example in_progress
                 * @enum {string}
                 */
                status: "in_progress";
            };
        };
        /**
         * Account
         * @description The full account returned by `GET /accounts/{id}`: the fields of `AccountSummary` plus the masked account details and the current balance.
         *
         *     **Contract extension** (beyond the published docs): The docs' example is cut off after `can_be_source`; `masked_account_number` and `balance_in_cents` are this contract's names for the details the page describes.
         */
        Account: {
            /**
             * @description The account ID (`acc_` followed by a ULID-like value).
             * @example acc_01HGHI7890
             */
            id: string;
            /**
             * @description The account's display name, usually the institution's name and the last digits.
             * @example Amex Gold ••1234
             */
            name: string;
            type: components["schemas"]["AccountType"];
            /**
             * @description A free-text description of the account, or `null`.
             * @example null
             */
            description: string | null;
            /**
             * @description For external accounts, the kind of external account in UPPERCASE (the docs print `LIABILITY`); `null` for income sources and pods.
             * @example LIABILITY
             */
            external_account_type: string | null;
            /**
             * @description The name of the account holder.
             * @example John Smith
             */
            beneficiary_name: string | null;
            /**
             * @description The bank or card issuer that holds the account.
             * @example American Express
             */
            institution_name: string | null;
            /**
             * @description Whether money can be moved out of this account (as a transfer's or an action's source).
             * @example false
             */
            can_be_source: boolean;
            /**
             * @description The account number with all but the last four digits masked, or `null` when the account has no number of its own.
             *
             *     **Contract extension** (beyond the published docs): The docs say the full account includes "masked account details" without naming the field; this contract carries them as one masked number.
             * @example ••••••••1234
             */
            masked_account_number: string | null;
            /**
             * @description The current balance in integer cents (for a liability, the amount owed), or `null` when the institution does not report one.
             *
             *     **Contract extension** (beyond the published docs): The docs say the full account includes the "current balance" without naming the field; the name follows the service's `amount_in_cents` convention.
             * @example 245075
             */
            balance_in_cents: number | null;
        };
        /**
         * AccountSummary
         * @description An account as listed by `GET /accounts`: an income source, a pod or an external account. `GET /accounts/{id}` returns the full `Account`, which adds the masked account details and the current balance.
         *
         *     **Contract extension** (beyond the published docs): The docs' field list is cut off after `can_be_source`. Which fields may be `null` beyond `description` and `external_account_type` (printed as null) is this contract's choice: `beneficiary_name` and `institution_name` are nullable because pods have no outside institution.
         */
        AccountSummary: {
            /**
             * @description The account ID (`acc_` followed by a ULID-like value).
             * @example acc_01HABC4567
             */
            id: string;
            /**
             * @description The account's display name, usually the institution's name and the last digits.
             * @example Chase Checking ••4567
             */
            name: string;
            type: components["schemas"]["AccountType"];
            /**
             * @description A free-text description of the account, or `null`.
             * @example Main payroll account
             */
            description: string | null;
            /**
             * @description For external accounts, the kind of external account in UPPERCASE (the docs print `LIABILITY`); `null` for income sources and pods.
             * @example LIABILITY
             */
            external_account_type: string | null;
            /**
             * @description The name of the account holder.
             * @example John Smith
             */
            beneficiary_name: string | null;
            /**
             * @description The bank or card issuer that holds the account.
             * @example Chase
             */
            institution_name: string | null;
            /**
             * @description Whether money can be moved out of this account (as a transfer's or an action's source).
             * @example true
             */
            can_be_source: boolean;
        };
        /**
         * AccountResponse
         * @description The answer to `GET /accounts/{id}`.
         */
        AccountResponse: {
            request_id: components["schemas"]["RequestId"];
            data: components["schemas"]["Account"];
        };
        /**
         * AccountListResponse
         * @description The answer to `GET /accounts`; not paginated.
         */
        AccountListResponse: {
            request_id: components["schemas"]["RequestId"];
            /** @description Every account of the organization (of the requested `type`, if any). */
            data: components["schemas"]["AccountSummary"][];
        };
        /**
         * RulesPageInfo
         * @description Where a cursor-paginated page of the Rules service ends. Pass `end_cursor` as `after` to fetch the next page.
         */
        RulesPageInfo: {
            /**
             * @description The cursor of the page's last item; `null` when the page is empty.
             * @example Y3Vyc29yOnJleF8wMUhBQkM0NTY3
             */
            end_cursor: string | null;
            /**
             * @description Whether another page follows this one.
             *
             *     **Contract extension** (beyond the published docs): The docs name only `page_info.end_cursor`; a client needs to know when to stop, so the page also says whether more items follow.
             * @example false
             */
            has_next_page: boolean;
        };
        /**
         * RuleExecution
         * @description One run of a rule: what triggered it, how it ended and the transfers it created. Poll `GET /rule-executions/{id}` after triggering a rule until `status` leaves `in_progress`.
         *
         *     **Contract extension** (beyond the published docs): The docs' example is cut off after `trigger_details.type`. `outcome` and `transfer_ids` are this contract's names for what the page says the execution includes; `rule_name` being nullable follows the rule's optional `nickname`.
         */
        RuleExecution: {
            /**
             * @description The rule execution ID (`rex_` followed by a ULID-like value).
             * @example rex_01HABC4567
             */
            id: string;
            /**
             * @description The rule that ran (`rule_...`).
             * @example rule_01HXYZ1234
             */
            rule_id: string;
            /**
             * @description The rule's nickname when it ran, or `null` if it had none.
             * @example Save 20% of paycheck
             */
            rule_name: string | null;
            trigger_type: components["schemas"]["RuleExecutionTriggerType"];
            status: components["schemas"]["RuleExecutionStatus"];
            /**
             * Format: date-time
             * @description When the execution started (ISO 8601, UTC). Lists are ordered by it, newest first.
             * @example 2024-04-23T09:15:00Z
             */
            created_at: string;
            trigger_details: components["schemas"]["RuleExecutionTriggerDetails"];
            /** @description What the execution did; `null` while it is `in_progress`. */
            outcome: components["schemas"]["RuleExecutionOutcome"] | null;
            /**
             * @description The transfers (`txr_...`) the execution created, in the order the actions ran.
             *
             *     **Contract extension** (beyond the published docs): The docs say an execution carries its "transfer IDs" without printing the field; this contract names it `transfer_ids`.
             */
            transfer_ids: string[];
        };
        /**
         * RuleExecutionResponse
         * @description The answer to `GET /rule-executions/{id}`.
         */
        RuleExecutionResponse: {
            request_id: components["schemas"]["RequestId"];
            data: components["schemas"]["RuleExecution"];
        };
        /**
         * RuleExecutionListResponse
         * @description One page of `GET /rule-executions`, newest first.
         */
        RuleExecutionListResponse: {
            request_id: components["schemas"]["RequestId"];
            /** @description The rule's executions on this page, ordered by `created_at`, newest first. */
            data: components["schemas"]["RuleExecution"][];
            page_info: components["schemas"]["RulesPageInfo"];
        };
        /**
         * RuleExecutionStatus
         * @description Where a rule execution stands: `in_progress` while its transfers are being created, `executed` when every action ran, `partial` when only some did, `failed` when none did.
         * @example executed
         * @enum {string}
         */
        RuleExecutionStatus: "in_progress" | "executed" | "partial" | "failed";
        /**
         * RuleExecutionTriggerType
         * @description What started a rule execution, in lowercase (the rule's own trigger types are UPPERCASE: `MANUAL`, `SCHEDULED`, `ON_FUNDS_TRANSFERRED`).
         * @example on_funds_transferred
         * @enum {string}
         */
        RuleExecutionTriggerType: "manual" | "scheduled" | "on_funds_transferred";
        /**
         * RuleExecutionTriggerDetails
         * @description What started the execution. The `type` tag (the same value as the execution's `trigger_type`) selects the shape; an unknown type is rejected.
         */
        RuleExecutionTriggerDetails: components["schemas"]["RuleExecutionManualTrigger"] | components["schemas"]["RuleExecutionScheduledTrigger"] | components["schemas"]["RuleExecutionFundsTransferredTrigger"];
        /**
         * RuleExecutionManualTrigger
         * @description The `POST /rules/{id}/trigger` call that started a `manual` execution.
         *
         *     **Contract extension** (beyond the published docs): The docs print `trigger_details.type` and cut off the rest; echoing the trigger call's `manual_execute_amount` is this contract's choice.
         */
        RuleExecutionManualTrigger: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "manual";
            /**
             * @description The `manual_execute_amount` sent with the trigger call (integer cents), which overrides the transfer amount of a `MANUAL` rule; `null` when none was sent.
             * @example 10000
             */
            manual_execute_amount: number | null;
        };
        /**
         * RuleExecutionScheduledTrigger
         * @description The scheduled run that started a `scheduled` execution.
         *
         *     **Contract extension** (beyond the published docs): The docs print `trigger_details.type` and cut off the rest; the schedule slot is this contract's choice.
         */
        RuleExecutionScheduledTrigger: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "scheduled";
            /**
             * Format: date-time
             * @description The schedule slot this execution ran for (ISO 8601, UTC).
             * @example 2024-05-01T09:00:00Z
             */
            scheduled_for: string;
        };
        /**
         * RuleExecutionFundsTransferredTrigger
         * @description The incoming transfer that started an `on_funds_transferred` execution.
         *
         *     **Contract extension** (beyond the published docs): The docs print `trigger_details.type` and cut off the rest; the incoming transfer and its amount are what a reader needs to explain an `on_funds_transferred` run.
         */
        RuleExecutionFundsTransferredTrigger: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "on_funds_transferred";
            /**
             * @description The incoming transfer (`txr_...`) whose arrival triggered the rule.
             * @example txr_01HABC0999
             */
            transfer_id: string;
            /**
             * @description The incoming amount, in integer cents (what `INCOMING_AMOUNT` percentages are taken of).
             * @example 250000
             */
            amount_in_cents: number;
        };
        /**
         * RuleExecutionOutcome
         * @description What the execution did, once it has finished.
         *
         *     **Contract extension** (beyond the published docs): The docs say an execution carries its "outcome" without printing the field; this contract records which step ran and a sentence saying what happened.
         */
        RuleExecutionOutcome: {
            /**
             * @description The index in the rule's `steps` of the step whose conditions passed and whose actions ran; `null` when no step's conditions passed.
             * @example 0
             */
            step_index: number | null;
            /**
             * @description What happened, as a sentence (why it failed, for `failed` and `partial`), or `null`.
             * @example Moved 20% of the incoming deposit to Emergency Fund.
             */
            message: string | null;
        };
        /**
         * Transfer
         * @description A money movement between two accounts, created by a rule, by a person, by a manual transfer through the API, or by money arriving or leaving. Credit and debit card transactions are not transfers (see the card transactions).
         *
         *     **Contract extension** (beyond the published docs): The docs' example is cut off after `source` and part of `destination`; `rule_execution_id`, `created_at` and `updated_at` are this contract's additions.
         */
        Transfer: {
            /**
             * @description The transfer ID (`txr_` followed by a ULID-like value).
             * @example txr_01HABC1111
             */
            id: string;
            /**
             * @description The amount moved, in integer cents.
             * @example 100000
             */
            amount_in_cents: number;
            direction: components["schemas"]["TransferDirection"];
            origin: components["schemas"]["TransferOrigin"];
            status: components["schemas"]["TransferStatus"];
            source: components["schemas"]["TransferNode"];
            destination: components["schemas"]["TransferNode"];
            /**
             * @description The rule execution (`rex_...`) that created the transfer: set when `origin` is `rule`, `null` for every other origin.
             *
             *     **Contract extension** (beyond the published docs): The docs' example is cut off after `destination`; linking a rule's transfer to its execution is this contract's addition (an execution lists its `transfer_ids`).
             * @example rex_01HABC4567
             */
            rule_execution_id: string | null;
            /**
             * Format: date-time
             * @description When the transfer was created (ISO 8601, UTC). Lists are ordered by it, newest first.
             *
             *     **Contract extension** (beyond the published docs): Not printed (the example is cut off), but the docs order transfer lists by `created_at`.
             * @example 2024-04-23T09:15:02Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @description When the transfer last changed, e.g. its status (ISO 8601, UTC).
             *
             *     **Contract extension** (beyond the published docs): The docs' example is cut off after `destination`; this contract adds the time of the last status change.
             * @example 2024-04-24T14:02:11Z
             */
            updated_at: string;
        };
        /**
         * TransferNode
         * @description An account that a transfer moves money from or to.
         */
        TransferNode: {
            /**
             * @description The account ID (`acc_...`).
             * @example acc_01HABC4567
             */
            id: string;
            /**
             * @description The account's display name.
             * @example Main Payroll
             */
            name: string;
            type: components["schemas"]["AccountType"];
        };
        /**
         * TransferDirection
         * @description Which way the money moves relative to the organization: `money_in` from outside, `money_out` to outside, `internal` between its own accounts.
         * @example internal
         * @enum {string}
         */
        TransferDirection: "money_in" | "money_out" | "internal";
        /**
         * TransferOrigin
         * @description What created the transfer: a `paycheck`, a `check_deposit`, `cashback`, a `user_pull`, a `rule`, a `user` (a manual transfer, including those created through `POST /transfers`) or an `external_pull`.
         * @example rule
         * @enum {string}
         */
        TransferOrigin: "paycheck" | "check_deposit" | "cashback" | "user_pull" | "rule" | "user" | "external_pull";
        /**
         * TransferStatus
         * @description Where the transfer stands. `pending_approval`: waiting for a person to approve it in the Sequence app; `processing`: accepted and being prepared; `pending`: sent and waiting to settle; `complete`: settled; `failed`: could not be completed; `cancelled`: declined or withdrawn before it was sent.
         *
         *     **Contract extension** (beyond the published docs): The docs' list of statuses is cut off after `pending` (`complete` is printed in the transfer example). `failed` and `cancelled` are this contract's terminal states for transfers that do not complete.
         * @example complete
         * @enum {string}
         */
        TransferStatus: "pending_approval" | "processing" | "pending" | "complete" | "failed" | "cancelled";
        /**
         * TransferCreateRequest
         * @description A manual transfer to create. The API key needs a `MANUAL_TRANSFER` entry whose `source` is `source_account_id` and whose `target` is `destination_account_id`; if that entry has a `max_amount`, `amount_in_cents` must not exceed it.
         */
        TransferCreateRequest: {
            /**
             * @description The account (`acc_...`) the money leaves.
             * @example acc_01HDEF0123
             */
            source_account_id: string;
            /**
             * @description The account (`acc_...`) the money goes to; must differ from `source_account_id`.
             * @example acc_01HSAV9999
             */
            destination_account_id: string;
            /**
             * @description The amount to move, in integer cents.
             *
             *     **Contract extension** (beyond the published docs): The docs' request body is cut off before the amount field; it is named after the transfer's own `amount_in_cents`.
             * @example 25000
             */
            amount_in_cents: number;
        };
        /**
         * TransferResponse
         * @description The answer to `GET /transfers/{id}` and `POST /transfers`.
         */
        TransferResponse: {
            request_id: components["schemas"]["RequestId"];
            data: components["schemas"]["Transfer"];
        };
        /**
         * TransferListResponse
         * @description One page of `GET /transfers`, newest first.
         *
         *     **Contract extension** (beyond the published docs): The docs' page is cut off after the `status` filter; this contract pages transfer history like the service's other histories (rule executions, card transactions), so `page_info` is added.
         */
        TransferListResponse: {
            request_id: components["schemas"]["RequestId"];
            /** @description The account's transfers on this page, ordered by `created_at`, newest first. */
            data: components["schemas"]["Transfer"][];
            page_info: components["schemas"]["RulesPageInfo"];
        };
        /**
         * Card
         * @description A debit card issued on a pod.
         *
         *     **Contract extension** (beyond the published docs): The reference prints one card (`"last_four": "4242"`, `"expiration_date": "09/28"`) without types; this contract takes `last_four` as four digits and `expiration_date` as MM/YY.
         */
        Card: {
            /**
             * @description The card ID (`card_` followed by a ULID-like value).
             * @example card_01HABC4567
             */
            id: string;
            /**
             * @description Whether the card is `virtual` or `physical`.
             * @example physical
             * @enum {string}
             */
            type: "virtual" | "physical";
            /**
             * @description The card's state.
             * @example active
             * @enum {string}
             */
            status: "active" | "inactive" | "frozen" | "stolen" | "lost";
            /**
             * @description The last four digits of the card number.
             * @example 4242
             */
            last_four: string;
            /**
             * @description The name printed on the card.
             * @example John Smith
             */
            holder_name: string;
            /**
             * @description The expiry month and year, `MM/YY`.
             * @example 09/28
             */
            expiration_date: string;
            /**
             * @description The pod (`acc_...`) the card spends from; `READ_CARDS` is checked against it.
             * @example acc_01HDEF0123
             */
            account_id: string;
            /**
             * Format: date-time
             * @description When the card was issued (ISO 8601, UTC).
             * @example 2024-01-15T10:00:00Z
             */
            created_at: string;
        };
        /**
         * CardResponse
         * @description The answer to `GET /cards/{id}`.
         */
        CardResponse: {
            request_id: components["schemas"]["RequestId"];
            data: components["schemas"]["Card"];
        };
        /**
         * CardListResponse
         * @description The answer to `GET /cards`; not paginated.
         */
        CardListResponse: {
            request_id: components["schemas"]["RequestId"];
            /** @description The pod's cards (with the requested `status` and `type`, if any). */
            data: components["schemas"]["Card"][];
        };
        /**
         * CardTransaction
         * @description A purchase (`debit`) or refund (`credit`) made with a card. Every transaction carries the account of its card, which `READ_CARDS` is checked against.
         *
         *     **Contract extension** (beyond the published docs): The docs' page is cut off before the response; every field except `direction` (a documented filter) and `created_at` (the documented ordering) is this contract's choice, and so is the `ctx_` ID prefix.
         */
        CardTransaction: {
            /**
             * @description The card transaction ID (`ctx_` followed by a ULID-like value).
             * @example ctx_01HABC5001
             */
            id: string;
            /**
             * @description The card (`card_...`) the transaction was made with.
             * @example card_01HABC4567
             */
            card_id: string;
            /**
             * @description The pod (`acc_...`) the card is linked to, the same as the card's `account_id`.
             * @example acc_01HDEF0123
             */
            account_id: string;
            /**
             * @description `debit` for a purchase, `credit` for a refund.
             * @example debit
             * @enum {string}
             */
            direction: "debit" | "credit";
            /**
             * @description The amount, in integer cents, always positive; `direction` gives the sign.
             * @example 4599
             */
            amount_in_cents: number;
            /**
             * @description The merchant as reported by the card network, or `null` when unknown.
             * @example Blue Bottle Coffee
             */
            merchant_name: string | null;
            /**
             * Format: date-time
             * @description When the transaction was made (ISO 8601, UTC). Lists are ordered by it, newest first.
             * @example 2024-04-20T08:31:44Z
             */
            created_at: string;
        };
        /**
         * CardTransactionListResponse
         * @description One page of `GET /cards/{id}/transactions`, newest first.
         */
        CardTransactionListResponse: {
            request_id: components["schemas"]["RequestId"];
            /** @description The card's transactions on this page, ordered by `created_at`, newest first. */
            data: components["schemas"]["CardTransaction"][];
            page_info: components["schemas"]["RulesPageInfo"];
        };
        /**
         * TransferWebhookEvent
         * @description Any transfer event the service sends, for a receiver that handles them all at one URL. The `event` tag selects the shape; an unknown event is rejected.
         */
        TransferWebhookEvent: components["schemas"]["TransferCreatedWebhookEvent"] | components["schemas"]["TransferApprovalRequiredWebhookEvent"] | components["schemas"]["TransferStatusChangedWebhookEvent"];
        /**
         * TransferCreatedWebhookEvent
         * @description Sent when a transfer is created, whatever its initial status and origin. Fetch the full transfer with `GET /transfers/{id}`.
         */
        TransferCreatedWebhookEvent: {
            /**
             * @description The event type, `<entity>.<action>`. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            event: "transfer.created";
            /**
             * Format: date-time
             * @description When the event was generated (ISO 8601, UTC).
             * @example 2024-04-23T09:15:02Z
             */
            created_at: string;
            /** @description **Contract extension** (beyond the published docs): The docs show `data` as an object without its fields; this contract sends the transfer's ID and initial status. */
            data: {
                /**
                 * @description The new transfer (`txr_...`).
                 * @example txr_01HABC1111
                 */
                transfer_id: string;
                status: components["schemas"]["TransferStatus"];
            };
        };
        /**
         * TransferApprovalRequiredWebhookEvent
         * @description Sent when a transfer is created with status `pending_approval` and waits for a person to approve it in the Sequence app before it is processed. Fetch the full transfer with `GET /transfers/{id}`.
         */
        TransferApprovalRequiredWebhookEvent: {
            /**
             * @description The event type, `<entity>.<action>`.
             *
             *     **Contract extension** (beyond the published docs): The docs give only the `<entity>.<action>` format; the action is named after the vendor's webhook (`TransferApprovalRequired`).
             *      (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            event: "transfer.approval_required";
            /**
             * Format: date-time
             * @description When the event was generated (ISO 8601, UTC).
             * @example 2024-04-23T11:00:05Z
             */
            created_at: string;
            /** @description **Contract extension** (beyond the published docs): The docs show `data` as an object without its fields; this contract sends the transfer's ID and its status, always `pending_approval`. */
            data: {
                /**
                 * @description The transfer (`txr_...`) waiting for approval.
                 * @example txr_01HABC2222
                 */
                transfer_id: string;
                /**
                 * @description The transfer's status, always `pending_approval` for this event.
                 * @constant
                 */
                status: "pending_approval";
            };
        };
        /**
         * TransferStatusChangedWebhookEvent
         * @description Sent when a transfer moves to a new status. Carries the transfer's ID and its previous status, to react to specific transitions (e.g. `pending` to `complete`). Fetch the current transfer with `GET /transfers/{id}`.
         */
        TransferStatusChangedWebhookEvent: {
            /**
             * @description The event type, `<entity>.<action>`.
             *
             *     **Contract extension** (beyond the published docs): The docs give only the `<entity>.<action>` format; the action is named after the vendor's webhook (`TransferStatusChanged`).
             *      (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            event: "transfer.status_changed";
            /**
             * Format: date-time
             * @description When the event was generated (ISO 8601, UTC).
             * @example 2024-04-24T14:02:11Z
             */
            created_at: string;
            /** @description **Contract extension** (beyond the published docs): The docs say the event carries the transfer ID and the previous status without naming the fields; `transfer_id`, `previous_status` and the new `status` are this contract's names. */
            data: {
                /**
                 * @description The transfer (`txr_...`) whose status changed.
                 * @example txr_01HABC1111
                 */
                transfer_id: string;
                previous_status: components["schemas"]["TransferStatus"];
                status: components["schemas"]["TransferStatus"];
            };
        };
        /**
         * SequencesError
         * @description An error from the Sequences service, as its API introduction prints it (https://docs.sequenzy.com/api-reference/introduction, "Response Format"): `{"success": false, "error": "Human readable error message"}`. The page lists 400 (validation error, missing fields, disabled resource), 401, 404, 409 (resource already exists) and 500; it documents no error code and no field details, which `code` and `details` add.
         */
        SequencesError: {
            /**
             * @description Always false on an error.
             * @example false
             * @constant
             */
            success: false;
            /**
             * @description A human-readable error message.
             * @example Sequence not found.
             */
            error: string;
            /**
             * @description A machine-readable error code: `validation_error` (400), `unauthorized` (401), `not_found` (404), `sequence_not_ready` (400, enable), `conflict` (409), `internal_error` (500), `route_not_found` (404), `method_not_allowed` (405).
             *
             *     **Contract extension** (beyond the published docs): The published error carries only the message; the code lets a client branch without parsing text.
             * @example validation_error
             */
            code?: string;
            /**
             * @description The offending inputs, for `validation_error`.
             *
             *     **Contract extension** (beyond the published docs): Not in the published error; lists each invalid input by JSON pointer.
             */
            details?: components["schemas"]["ValidationProblem"][];
        };
        /**
         * Discount
         * @description A discount (for example a Stripe promotion code) that a `create_discount` step generates for the subscriber. Later emails in the same sequence can use the most recently created discount through `{{discount.code}}`, `{{discount.percentOff}}`, `{{discount.amountOff}}`, `{{discount.currency}}` and `{{discount.expiresAt}}`. Sequences with discount steps need a connected integration for the provider (such as Stripe or Shopify) before they can be enabled.
         *
         *     **Contract extension** (beyond the published docs): The seed and the reference list the fields and the enums of discountType and duration but no required fields, bounds or formats. This contract requires discountType, percentOff for percent, amountOff and currency for amount, durationInMonths for repeating; bounds percentOff to (0, 100], amountOff and expiresInHours to positive numbers, durationInMonths and maxRedemptions to positive integers; takes currency as a three-letter code and expiresAt as an ISO 8601 date-time; and refuses an empty provider or codePrefix.
         */
        Discount: {
            /**
             * @description Label of the step in the sequence editor.
             * @example Create win-back discount
             */
            label?: string;
            /**
             * @description Integration that creates the discount, such as `stripe` or `shopify`. The seed's Stripe example omits it.
             * @example stripe
             */
            provider?: string;
            /**
             * @description `percent` (uses `percentOff`) or `amount` (uses `amountOff` and `currency`).
             * @example percent
             * @enum {string}
             */
            discountType: "percent" | "amount";
            /**
             * @description Percentage taken off, for `discountType` `percent`.
             * @example 20
             */
            percentOff?: number;
            /**
             * @description Amount taken off, in `currency`, for `discountType` `amount`.
             * @example 10
             */
            amountOff?: number;
            /**
             * @description Three-letter ISO 4217 currency code of `amountOff`.
             * @example usd
             */
            currency?: string;
            /**
             * @description How long the discount applies to a subscription: `once`, `repeating` (for `durationInMonths` months) or `forever`.
             * @example once
             * @enum {string}
             */
            duration?: "once" | "repeating" | "forever";
            /**
             * @description Number of months, for `duration` `repeating`.
             * @example 3
             */
            durationInMonths?: number;
            /**
             * @description Whether the discount applies to every plan; otherwise only to `planIds`.
             * @example true
             */
            appliesToAllPlans?: boolean;
            /**
             * @description Plans the discount is limited to: provider product or price IDs, or plan objects (the seed's type template prints `[{}]`; their fields are not published).
             * @example [
             *       "prod_basic"
             *     ]
             */
            planIds?: (string | Record<string, never>)[];
            /**
             * @description Prefix of the generated code.
             * @example WINBACK
             */
            codePrefix?: string;
            /**
             * @description How many times the generated code can be redeemed.
             * @example 1
             */
            maxRedemptions?: number;
            /**
             * @description Whether only the subscriber the code was created for can redeem it.
             * @example true
             */
            lockToSubscriber?: boolean;
            /**
             * Format: date-time
             * @description When the code expires (ISO 8601).
             * @example 2026-01-31T23:59:59Z
             */
            expiresAt?: string;
            /**
             * @description Hours after creation when the code expires.
             * @example 72
             */
            expiresInHours?: number;
            /**
             * @description Name of the discount at the provider.
             * @example Win-back 20% off
             */
            name?: string;
        } & ((unknown | unknown) & (unknown | unknown) & (unknown | unknown));
        /**
         * DiscountStep
         * @description A step that creates a discount (such as a Stripe promotion code) for the subscriber. It can run before an email that references `{{discount.code}}`.
         */
        DiscountStep: {
            /**
             * @description Step type.
             * @example create_discount
             * @constant
             */
            type: "create_discount";
            /**
             * @description Name of the step.
             * @example Win-back discount
             */
            name?: string;
            delay?: components["schemas"]["EmailDelay"];
            discount: components["schemas"]["Discount"];
        };
        /**
         * EmailBlock
         * @description One Sequenzy email block. Every block carries an `id` and a `type`, plus fields that depend on the type: `heading` {content, level}, `text` {content, variant}, `button` {text, url}, `image` {src, alt, ...}, `list` and more (37 types in all, listed by `GET /email-blocks`). Fields of block types not described here are accepted as they are.
         */
        EmailBlock: {
            /**
             * @description Block identifier, unique within the email.
             * @example heading-1
             */
            id: string;
            /**
             * @description Block type, such as `heading`, `text`, `button`, `image` or `list`.
             * @example heading
             */
            type: string;
            /**
             * @description Content of a `heading` (plain text) or `text` block (HTML, such as `<p>...</p>`). May use merge tags such as `{{discount.code}}` or `{{event.city}}`.
             * @example Welcome!
             */
            content?: string;
            /**
             * @description Heading level of a `heading` block (1 is the largest).
             * @example 1
             */
            level?: number;
            /**
             * @description Style of a `text` block.
             * @example paragraph
             * @enum {string}
             */
            variant?: "paragraph" | "lead" | "html";
            /**
             * @description Label of a `button` block.
             * @example Get started
             */
            text?: string;
            /**
             * @description Link target of a `button` block.
             * @example https://example.com/start
             */
            url?: string;
            /**
             * @description Image URL of an `image` block.
             * @example https://example.com/logo.png
             */
            src?: string;
            /**
             * @description Alternative text of an `image` block.
             * @example Company logo
             */
            alt?: string;
        } & {
            [key: string]: unknown;
        };
        /**
         * EmailDelay
         * @description Wait before this step runs, counted from the previous step (or from the trigger for the first step, which typically has no delay and runs immediately). The parts add up.
         *
         *     **Contract extension** (beyond the published docs): The seed types days, hours and minutes as numbers with no bounds; this contract takes non-negative whole numbers.
         */
        EmailDelay: {
            /**
             * @description Days to wait.
             * @example 1
             */
            days?: number;
            /**
             * @description Hours to wait.
             * @example 12
             */
            hours?: number;
            /**
             * @description Minutes to wait.
             * @example 30
             */
            minutes?: number;
        };
        /**
         * EmailSequence
         * @description A sequence with its settings, its steps and the progress of AI enrichment. While `enrichmentStatus` is not `complete`, `steps` holds only the emails generated so far (`enrichedCount` of `emailCount`).
         *
         *     **Contract extension** (beyond the published docs): The reference says GET returns the sequence's metadata, its steps/emails and its enrichment status but gives no field names. This contract echoes the create request's field names, and takes enrichedCount and discountCount from the vendor SDK; createdAt and updatedAt are added.
         */
        EmailSequence: {
            /**
             * @description Sequence ID.
             * @example seq_abc123
             */
            id: string;
            /**
             * @description Name of the sequence.
             * @example Onboarding Sequence
             */
            name: string;
            status: components["schemas"]["EmailSequenceStatus"];
            trigger: components["schemas"]["EmailSequenceTrigger"];
            /**
             * @description List ID of a `contact_added` trigger.
             * @example list_abc123
             */
            listId?: string;
            /**
             * @description Tag name of a `tag_added` trigger.
             * @example cancelled
             */
            tagName?: string;
            /**
             * @description Segment ID of a `segment_entered` trigger.
             * @example seg_abc123
             */
            segmentId?: string;
            /**
             * @description Event name of an `event_received`, `inactivity` or `frequency` trigger.
             * @example weather.wind_alert
             */
            eventName?: string;
            /**
             * @description Days of inactivity of an `inactivity` trigger.
             * @example 30
             */
            inactiveDays?: number;
            /**
             * @description Minimum event count of a `frequency` trigger.
             * @example 3
             */
            minCount?: number;
            /**
             * @description Time window in days of a `frequency` trigger.
             * @example 7
             */
            timeWindowDays?: number;
            enrollmentMode: components["schemas"]["EmailSequenceEnrollmentMode"];
            /**
             * @description Dot-path of the event property used by `matching_field`.
             * @example order.id
             */
            enrollmentFieldPath?: string;
            /** @description The auto-stop condition, or null when there is none. */
            stopCondition: components["schemas"]["StopCondition"] | null;
            /**
             * @description The goal the emails were generated from (Option A), when one was given.
             * @example Welcome new users and help them get started with our product
             */
            goal?: string;
            enrichmentStatus: components["schemas"]["EmailSequenceEnrichmentStatus"];
            /**
             * @description Number of email steps (with a `goal`, the number of emails being generated).
             * @example 5
             */
            emailCount: number;
            /**
             * @description Number of emails whose content is ready.
             * @example 2
             */
            enrichedCount: number;
            /**
             * @description Number of `create_discount` steps.
             * @example 0
             */
            discountCount: number;
            /** @description The sequence's steps, in order. */
            steps: components["schemas"]["EmailSequenceStepDetail"][];
            /**
             * Format: date-time
             * @description When the sequence was created (ISO 8601, UTC).
             * @example 2025-06-01T12:00:00Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description When the sequence was last changed (ISO 8601, UTC).
             * @example 2025-06-01T12:00:00Z
             */
            updatedAt: string;
        };
        /**
         * EmailSequenceCreateRequest
         * @description A new automation sequence. Give either a `goal` (Option A: AI generates `emailCount` emails from it, asynchronously) or explicit `steps` (Option B: email steps with blocks or HTML, and `create_discount` steps).
         *
         *     **Contract extension** (beyond the published docs): The seed types `name`, `tagName`, `eventName` and `goal` as plain strings; this contract refuses them empty (a sequence, tag or event without a name, or an empty goal, cannot work).
         */
        EmailSequenceCreateRequest: {
            /**
             * @description Name for the sequence.
             * @example Onboarding Sequence
             */
            name: string;
            trigger: components["schemas"]["EmailSequenceTrigger"];
            /**
             * @description List ID (for the `contact_added` trigger).
             * @example list_abc123
             */
            listId?: string;
            /**
             * @description Tag name (for the `tag_added` trigger).
             * @example cancelled
             */
            tagName?: string;
            /**
             * @description Segment ID (for the `segment_entered` trigger).
             * @example seg_abc123
             */
            segmentId?: string;
            /**
             * @description Event name (for the `event_received`, `inactivity` and `frequency` triggers).
             * @example weather.wind_alert
             */
            eventName?: string;
            /**
             * @description Days of inactivity (for the `inactivity` trigger).
             *
             *     **Contract extension** (beyond the published docs): The seed types it as a number without bounds; this contract takes a whole number of at least 1.
             * @example 30
             */
            inactiveDays?: number;
            /**
             * @description Minimum event count (for the `frequency` trigger).
             *
             *     **Contract extension** (beyond the published docs): The seed types it as a number without bounds; this contract takes a whole number of at least 1.
             * @example 3
             */
            minCount?: number;
            /**
             * @description Time window in days (for the `frequency` trigger).
             *
             *     **Contract extension** (beyond the published docs): The seed types it as a number without bounds; this contract takes a whole number of at least 1.
             * @example 7
             */
            timeWindowDays?: number;
            enrollmentMode?: components["schemas"]["EmailSequenceEnrollmentMode"];
            /**
             * @description Dot-path of the event property used by `matching_field`, such as `order.id` or `product.providerVariantId`. Leave it empty (`""`, or omit it) for the built-in Shopify product/variant default; for custom events without it, the event properties may carry `sequenceEnrollmentKey`, `enrollmentKey` or common product/variant fields.
             * @example order.id
             */
            enrollmentFieldPath?: string;
            stopCondition?: components["schemas"]["StopCondition"];
            /**
             * @description Option A: what the sequence should accomplish. AI generates the email content from it, based on your brand, asynchronously (typically 30-60 seconds); poll `GET /api/v1/sequences/{id}` for the enrichment status.
             * @example Welcome new users and help them get started with our product
             */
            goal?: string;
            /**
             * @description Option A: number of emails to generate (default: 5, maximum: 10).
             *
             *     **Contract extension** (beyond the published docs): The seed types it as a number with default 5 and maximum 10; this contract also requires a whole number of at least 1.
             * @default 5
             * @example 5
             */
            emailCount?: number;
            /**
             * @description Option B: explicit steps, in order. Email steps must have either `blocks` or `html`; discount steps use `type: "create_discount"` and can run before an email that references `{{discount.code}}`.
             *
             *     **Contract extension** (beyond the published docs): An empty steps array is rejected (the seed states no minimum).
             */
            steps?: components["schemas"]["EmailSequenceStep"][];
        } & (unknown & unknown & ((unknown | unknown) & (unknown | unknown) & (unknown | unknown) & (unknown | unknown) & (unknown | unknown)));
        /**
         * EmailSequenceCreated
         * @description The created sequence, in `draft` status. Enable it with `POST /api/v1/sequences/{id}/enable`. With a `goal`, AI generates the emails asynchronously: poll `GET /api/v1/sequences/{id}`.
         */
        EmailSequenceCreated: {
            /**
             * @description Always true on success.
             * @example true
             * @constant
             */
            success: true;
            /**
             * @description What happened and what to do next.
             * @example Sequence created. AI is generating email content based on your brand. This typically takes 30-60 seconds.
             */
            message: string;
            sequence: components["schemas"]["EmailSequenceSummary"];
            /**
             * @description Non-blocking remarks about the new sequence, such as a `contact_added` trigger without a list.
             * @example [
             *       "This contact_added trigger has no list, so every contact added to the account enrolls."
             *     ]
             */
            warnings?: string[];
        };
        /**
         * EmailSequenceEnrichmentStatus
         * @description Progress of the asynchronous AI work on the sequence's emails (content generated from `goal`, or `html` converted to blocks): `pending` (queued), `in_progress` (some emails done, see `enrichedCount`), `complete` (every email is ready to review and enable).
         *
         *     **Contract extension** (beyond the published docs): The seed says to poll `GET /api/v1/sequences/{id}` for the enrichment status but names no values; these three are the values of the vendor's published SDK (`SequenceDetailsEnrichmentStatus`).
         * @example pending
         * @enum {string}
         */
        EmailSequenceEnrichmentStatus: "pending" | "in_progress" | "complete";
        /**
         * EmailSequenceEnrollmentMode
         * @description Re-entry mode. `unlimited`: a subscriber may enter the sequence again every time the trigger fires. `one_time`: a subscriber enters the sequence at most once. `matching_field`: one active run per value of an event-scoped field (a product, variant, order, subscription...); duplicate active runs for the same resolved field are blocked. `matching_field` is only valid with the `event_received` trigger. When omitted it defaults to `matching_field` for Shopify replenishment and back-in-stock events, otherwise to `unlimited`.
         * @example unlimited
         * @enum {string}
         */
        EmailSequenceEnrollmentMode: "unlimited" | "one_time" | "matching_field";
        /**
         * EmailSequenceList
         * @description A page of sequences.
         */
        EmailSequenceList: {
            /**
             * @description Always true on success.
             * @example true
             * @constant
             */
            success: true;
            /** @description The sequences on this page. */
            sequences: components["schemas"]["EmailSequenceSummary"][];
            pagination: components["schemas"]["EmailSequencePagination"];
        };
        /**
         * EmailSequencePagination
         * @description Where this page sits in the full result.
         */
        EmailSequencePagination: {
            /**
             * @description Number of sequences on this page.
             * @example 2
             */
            count: number;
            /**
             * @description Whether more sequences follow this page.
             * @example false
             */
            hasMore: boolean;
            /**
             * @description Page size used.
             * @example 20
             */
            limit: number;
            /**
             * @description Number of sequences skipped before this page.
             * @example 0
             */
            offset: number;
            /**
             * @description Number of sequences matching the filters.
             * @example 2
             */
            total: number;
        };
        /**
         * EmailSequenceResponse
         * @description One sequence, polled while AI enrichment runs.
         */
        EmailSequenceResponse: {
            /**
             * @description Always true on success.
             * @example true
             * @constant
             */
            success: true;
            sequence: components["schemas"]["EmailSequence"];
        };
        /**
         * EmailSequenceStatus
         * @description Lifecycle status of a sequence. A sequence is created as `draft`; `POST /api/v1/sequences/{id}/enable` makes it `active` and `POST /api/v1/sequences/{id}/disable` pauses it (`paused`).
         * @example draft
         * @enum {string}
         */
        EmailSequenceStatus: "draft" | "active" | "paused" | "archived";
        /**
         * EmailSequenceStatusChange
         * @description The outcome of enabling or disabling a sequence.
         */
        EmailSequenceStatusChange: {
            /**
             * @description Always true on success.
             * @example true
             * @constant
             */
            success: true;
            /**
             * @description What happened.
             * @example Sequence enabled.
             */
            message: string;
            /**
             * @description ID of the sequence.
             * @example seq_abc123
             */
            sequenceId: string;
            status: components["schemas"]["EmailSequenceStatus"];
            /**
             * @description Enable only: non-blocking readiness warnings, such as a `contact_added` trigger with no list, which enrolls every contact added to the account. Absent when there is nothing to report.
             *
             *     **Contract extension** (beyond the published docs): The reference's enable response ends with "..."; warnings comes from the vendor SDK.
             * @example [
             *       "This contact_added trigger has no list, so every contact added to the account enrolls."
             *     ]
             */
            warnings?: string[];
        };
        /**
         * EmailSequenceStep
         * @description One explicit step of a sequence: an email step (`type` omitted or `email`), a discount step (`type: create_discount`), or one of the vendor SDK's `sms` and `update_subscriber` steps, whose fields are not published. Any other `type` is rejected. There is no `discriminator` object because the email step's `type` is optional, and a discriminator's property must be required.
         */
        EmailSequenceStep: components["schemas"]["EmailStep"] | components["schemas"]["DiscountStep"] | components["schemas"]["SmsStep"] | components["schemas"]["UpdateSubscriberStep"];
        /**
         * EmailSequenceStepDetail
         * @description A stored step of a sequence, in order. Email steps carry their (generated or converted) content as blocks and the ID of the email template they created; discount steps carry their discount.
         *
         *     **Contract extension** (beyond the published docs): The reference says that GET returns the sequence's steps/emails but not their shape. This contract returns the create request's step fields plus `id`, `position` and `emailId`, with email content always as blocks.
         */
        EmailSequenceStepDetail: {
            /**
             * @description Step ID.
             * @example step_abc123_1
             */
            id: string;
            /**
             * @description 1-based position of the step in the sequence.
             * @example 1
             */
            position: number;
            /**
             * @description Step type.
             * @example email
             * @enum {string}
             */
            type: "email" | "create_discount" | "sms" | "update_subscriber";
            /**
             * @description Name of the step.
             * @example Welcome email
             */
            name?: string;
            delay?: components["schemas"]["EmailDelay"];
            /**
             * @description ID of the editable email template the email step created.
             * @example eml_abc123_1
             */
            emailId?: string;
            /**
             * @description Subject line of an email step.
             * @example Welcome to our product!
             */
            subject?: string;
            /**
             * @description Preview text of an email step.
             * @example Everything you need to get started
             */
            previewText?: string;
            /** @description Content of an email step as Sequenzy blocks (HTML given on creation is converted to blocks). */
            blocks?: components["schemas"]["EmailBlock"][];
            discount?: components["schemas"]["Discount"];
        };
        /**
         * EmailSequenceSummary
         * @description A sequence's main facts, as returned on creation and in lists. Counts are of the steps created so far; with a `goal`, `emailCount` is the number of emails AI is generating.
         */
        EmailSequenceSummary: {
            /**
             * @description Sequence ID.
             * @example seq_abc123
             */
            id: string;
            /**
             * @description Name of the sequence.
             * @example Onboarding Sequence
             */
            name: string;
            status: components["schemas"]["EmailSequenceStatus"];
            /**
             * @description Number of email steps.
             * @example 5
             */
            emailCount: number;
            trigger?: components["schemas"]["EmailSequenceTrigger"];
            /**
             * @description Number of `create_discount` steps.
             * @example 0
             */
            discountCount?: number;
            /**
             * @description Number of nodes (trigger, delays, steps) in the sequence's automation graph.
             * @example 6
             */
            nodeCount?: number;
            enrichmentStatus?: components["schemas"]["EmailSequenceEnrichmentStatus"];
            /**
             * @description Run state as a subscriber sees it: like `status`, but `live` for an active sequence and `enrollment_paused` when new enrollments are paused while current recipients continue.
             *
             *     **Contract extension** (beyond the published docs): The reference names effectiveStatus but not its values; these are the vendor SDK's.
             * @example draft
             * @enum {string}
             */
            effectiveStatus?: "draft" | "live" | "enrollment_paused" | "paused" | "archived";
            /** @description The auto-stop condition, or null when there is none. */
            stopCondition?: components["schemas"]["StopCondition"] | null;
            /**
             * Format: date-time
             * @description When the sequence was created (ISO 8601, UTC).
             *
             *     **Contract extension** (beyond the published docs): Creation time is not in the reference; lists need it to be read in order.
             * @example 2025-06-01T12:00:00Z
             */
            createdAt?: string;
            /**
             * Format: date-time
             * @description When the sequence was last changed (ISO 8601, UTC).
             *
             *     **Contract extension** (beyond the published docs): Update time is not in the reference.
             * @example 2025-06-01T12:00:00Z
             */
            updatedAt?: string;
        };
        /**
         * EmailSequenceTrigger
         * @description What enrolls a subscriber in the sequence: `contact_added` (a contact is added, optionally to the list `listId`), `tag_added` (the tag `tagName` is applied), `segment_entered` (the contact enters the segment `segmentId`), `event_received` (the event `eventName` is tracked), `inactivity` (no `eventName` event for `inactiveDays` days) or `frequency` (at least `minCount` `eventName` events within `timeWindowDays` days).
         * @example contact_added
         * @enum {string}
         */
        EmailSequenceTrigger: "contact_added" | "tag_added" | "segment_entered" | "event_received" | "inactivity" | "frequency";
        /**
         * EmailStep
         * @description A step that sends an email. `type` may be omitted (email is the default). The email content is given as Sequenzy `blocks` or as `html`, which is converted to blocks by AI (plain HTML, React Email or MJML output, any HTML-like email content). Each email step creates an email template in the account that can be edited later. Subject and content may use `{{discount.*}}` merge tags (after a `create_discount` step) and `{{event.*}}` merge tags (in `event_received` sequences).
         *
         *     **Contract extension** (beyond the published docs): Beyond the seed's rule "blocks or html": empty `subject`, `html` and `blocks` are rejected.
         */
        EmailStep: {
            /**
             * @description Step type; `email` when omitted.
             * @default email
             * @example email
             * @constant
             */
            type?: "email";
            /**
             * @description Name of the step.
             * @example Welcome email
             */
            name?: string;
            /**
             * @description Subject line.
             * @example Welcome to our product!
             */
            subject?: string;
            /**
             * @description Preview text shown by inboxes after the subject.
             * @example Everything you need to get started
             */
            previewText?: string;
            /** @description Email content as Sequenzy blocks. */
            blocks?: components["schemas"]["EmailBlock"][];
            /**
             * @description Email content as HTML, converted to blocks by AI.
             * @example <h1>Welcome to our platform!</h1>
             */
            html?: string;
            delay?: components["schemas"]["EmailDelay"];
        } & (unknown | unknown);
        /**
         * SmsStep
         * @description A step that sends an SMS. The vendor's SDK knows the `sms` step type (shared/reference/sequences.md) but its fields are not published, so the fields it carries beside `type` are accepted as they are.
         */
        SmsStep: {
            /**
             * @description Step type.
             * @example sms
             * @constant
             */
            type: "sms";
        } & {
            [key: string]: unknown;
        };
        /**
         * UpdateSubscriberStep
         * @description A step that updates the subscriber. The vendor's SDK knows the `update_subscriber` step type (shared/reference/sequences.md) but its fields are not published, so the fields it carries beside `type` are accepted as they are.
         */
        UpdateSubscriberStep: {
            /**
             * @description Step type.
             * @example update_subscriber
             * @constant
             */
            type: "update_subscriber";
        } & {
            [key: string]: unknown;
        };
        /**
         * StopCondition
         * @description Optional auto-stop condition. `has_tag` ends the sequence when a subscriber gets the tag `value`, `does_not_have_tag` when the tag `value` is removed, `event_received` when the event `value` is tracked, `added_to_list` when the subscriber joins the list `value`, `removed_from_list` when the subscriber leaves the list `value`; `none` clears auto-stop behavior.
         *
         *     **Contract extension** (beyond the published docs): The seed types stopCondition only as `object`; its example and the reference give the shape `{type, value}`. Requiring a non-empty `value` for every type except `none` (each names a tag, event or list to watch) is this contract's choice.
         */
        StopCondition: {
            /**
             * @description What stops a subscriber's run.
             * @example has_tag
             * @enum {string}
             */
            type: "has_tag" | "does_not_have_tag" | "event_received" | "added_to_list" | "removed_from_list" | "none";
            /**
             * @description The tag name (`has_tag`, `does_not_have_tag`), event name (`event_received`) or list ID (`added_to_list`, `removed_from_list`) the condition watches. Not used with `none`.
             * @example customer
             */
            value?: string;
        } & ({
            /** @constant */
            type: "none";
        } | unknown);
        /**
         * SubscriberEventRequest
         * @description An event tracked for a subscriber, who is created when they do not exist yet. For `event_received` sequences, `properties` become `{{event.*}}` merge tags (for example `{{event.alert.maxSpeed}}`), and the snapshot is kept on the sequence run so delayed follow-up emails use the original values.
         *
         *     **Contract extension** (beyond the published docs): The reference requires only `event`. This contract also requires `email` or `externalId` (an event needs a subscriber), checks `email` as an email address and `occurredAt` as an ISO 8601 date-time.
         */
        SubscriberEventRequest: {
            /**
             * @description Event name; matches a sequence's `eventName`.
             * @example weather.wind_alert
             */
            event: string;
            /**
             * Format: email
             * @description Subscriber email. Required to create a new subscriber; optional when `externalId` identifies an existing one.
             * @example user@example.com
             */
            email?: string;
            /**
             * @description Your own ID of the subscriber (app, customer or user ID).
             * @example user_42
             */
            externalId?: string;
            /**
             * @description Event properties, available as `{{event.*}}` merge tags in `event_received` sequences.
             * @example {
             *       "city": "Tel Aviv"
             *     }
             */
            properties?: {
                [key: string]: unknown;
            };
            /**
             * @description Attributes to set on the subscriber if created.
             * @example {
             *       "plan": "pro"
             *     }
             */
            customAttributes?: {
                [key: string]: unknown;
            };
            /**
             * @description First name to set if the subscriber is created.
             * @example Dana
             */
            firstName?: string;
            /**
             * @description Last name to set if the subscriber is created.
             * @example Levi
             */
            lastName?: string;
            /**
             * @description Your own event ID; sending the same ID again records nothing new (idempotent).
             * @example evt_2025_06_01_0001
             */
            eventId?: string;
            /**
             * Format: date-time
             * @description When the event actually happened (ISO 8601); defaults to now.
             * @example 2025-06-01T12:00:00Z
             */
            occurredAt?: string;
        } & (unknown | unknown);
        /**
         * SubscriberEventTracked
         * @description The tracked event and the subscriber it was recorded for.
         */
        SubscriberEventTracked: {
            /**
             * @description Always true on success.
             * @example true
             * @constant
             */
            success: true;
            /** @description The subscriber the event was recorded for. */
            subscriber: {
                /**
                 * @description Subscriber ID.
                 * @example sub_abc123
                 */
                id: string;
                /**
                 * @description Subscriber email.
                 * @example user@example.com
                 */
                email: string;
                /**
                 * @description Whether this event created the subscriber.
                 * @example true
                 */
                created: boolean;
            };
            /** @description The recorded event. */
            event: {
                /**
                 * @description ID of the recorded event.
                 * @example evt_abc123
                 */
                id: string;
                /**
                 * @description Event name.
                 * @example weather.wind_alert
                 */
                name: string;
            };
        };
        /** @description A multi-channel message sequence to create for a brand. */
        CommsSequenceCreateRequest: {
            /**
             * @description The brand the sequence belongs to.
             *
             *     **Contract extension** (beyond the published docs): The docs print no id format; the `brand_` prefix + ULID used in the examples is invented.
             * @example brand_01HZX5R2W8P3M6N9Q4T7V1KCEA
             */
            brand_id: string;
            /**
             * @description The sequence's name.
             * @example New member onboarding
             */
            name: string;
            /**
             * @description A free-text description of the sequence. Optional; the sequence's `description` is `null` when it has none.
             * @example Welcome email
             * @example then an SMS reminder a day later and a push nudge after three days.
             */
            description?: string;
            /** @description The sequence's steps. The docs do not say whether the list may be empty, so the contract accepts an empty list (no `minItems`), exactly as the published schema does. */
            steps: components["schemas"]["CommsSequenceStepInput"][];
        };
        /** @description One step of a comms sequence, as sent when creating the sequence: which template to send on which channel, and how long to wait before sending it. */
        CommsSequenceStepInput: {
            /**
             * @description The step's place in the sequence. The docs do not say whether positions must be unique or contiguous, so the contract does not require either.
             * @example 0
             */
            position: number;
            /**
             * @description The channel the step's message is sent on.
             * @example email
             * @enum {string}
             */
            channel: "email" | "sms" | "push" | "in_app";
            /**
             * @description The key of the message template to send on this channel.
             * @example welcome_email
             */
            template_key: string;
            /**
             * @description How many minutes to wait before sending this step's message.
             * @example 0
             */
            delay_minutes: number;
        };
        /** @description A multi-channel message sequence (email, sms, push, in_app) of a brand. */
        CommsSequence: {
            /**
             * @description The sequence's identifier.
             *
             *     **Contract extension** (beyond the published docs): The docs print no id format; the `seq_` prefix + ULID used in the examples is invented.
             * @example seq_01JQ8M4ZK7C2V9XW3N5R6T8YBD
             */
            id: string;
            /**
             * @description The brand the sequence belongs to.
             * @example brand_01HZX5R2W8P3M6N9Q4T7V1KCEA
             */
            brand_id: string;
            /**
             * @description The sequence's name.
             * @example New member onboarding
             */
            name: string;
            /**
             * @description The sequence's description, or `null` when it has none.
             * @example Welcome email
             * @example then an SMS reminder a day later and a push nudge after three days.
             */
            description: string | null;
            /**
             * @description The sequence's status. The docs publish no list of values, so the contract accepts any string.
             *
             *     **Contract extension** (beyond the published docs): The value `active` in the examples is invented: the docs publish no status values.
             * @example active
             */
            status: string;
            /**
             * @description When the sequence was created. Published as a plain string; the examples use ISO 8601 UTC.
             * @example 2025-03-14T09:15:22Z
             */
            created_at: string;
            /**
             * @description When the sequence was last changed. Published as a plain string; the examples use ISO 8601 UTC.
             * @example 2025-03-14T09:15:22Z
             */
            updated_at: string;
            /** @description The sequence's steps (the examples list them in order of `position`). */
            steps: components["schemas"]["CommsSequenceStep"][];
        };
        /** @description One step of a comms sequence, as the service returns it. */
        CommsSequenceStep: {
            /**
             * @description The step's identifier.
             *
             *     **Contract extension** (beyond the published docs): The docs print no id format; the `step_` prefix + ULID used in the examples is invented.
             * @example step_01JQ8M4ZK8A1B2C3D4E5F6G7H8
             */
            id: string;
            /**
             * @description The identifier of the sequence the step belongs to.
             * @example seq_01JQ8M4ZK7C2V9XW3N5R6T8YBD
             */
            sequence_id: string;
            /**
             * @description The step's place in the sequence. Published as `number` (the request sends an integer `>= 0`).
             * @example 0
             */
            position: number;
            /**
             * @description The channel the step's message is sent on. Published as a plain string: the request accepts `email`, `sms`, `push` or `in_app`, but the response schema lists no enum.
             * @example email
             */
            channel: string;
            /**
             * @description The key of the message template sent on this step.
             * @example welcome_email
             */
            template_key: string;
            /**
             * @description How many minutes to wait before sending this step's message. Published as `number` (the request sends an integer `>= 0`).
             * @example 0
             */
            delay_minutes: number;
        };
        /** @description Enrolls a person of a brand in a comms sequence. */
        CommsEnrollRequest: {
            /**
             * @description The brand the enrollment belongs to.
             *
             *     **Contract extension** (beyond the published docs): The docs print no id format; the `brand_` prefix + ULID used in the examples is invented.
             * @example brand_01HZX5R2W8P3M6N9Q4T7V1KCEA
             */
            brand_id: string;
            /**
             * @description The person to enroll.
             *
             *     **Contract extension** (beyond the published docs): The docs print no id format; the `person_` prefix + ULID used in the examples is invented.
             * @example person_01JQ8P6D2E4G6J8M0Q2S4V6X8Z
             */
            person_id: string;
            /**
             * @description Where the person receives the sequence's messages. The docs do not state its format (for example an email address or a phone number).
             * @example maya.chen@example.com
             */
            recipient: string;
        };
        /** @description A person's enrollment in a comms sequence. */
        CommsEnrollment: {
            /**
             * @description The enrollment's identifier.
             *
             *     **Contract extension** (beyond the published docs): The docs print no id format; the `enr_` prefix + ULID used in the examples is invented.
             * @example enr_01JQ9A2C4E6G8J0M2P4R6T8V0X
             */
            id: string;
            /**
             * @description The sequence the person is enrolled in.
             * @example seq_01JQ8M4ZK7C2V9XW3N5R6T8YBD
             */
            sequence_id: string;
            /**
             * @description The brand the enrollment belongs to.
             * @example brand_01HZX5R2W8P3M6N9Q4T7V1KCEA
             */
            brand_id: string;
            /**
             * @description The enrolled person.
             * @example person_01JQ8P6D2E4G6J8M0Q2S4V6X8Z
             */
            person_id: string;
            /**
             * @description Where the person receives the sequence's messages, as given at enrollment.
             * @example maya.chen@example.com
             */
            recipient: string;
            /**
             * @description The step the enrollment is at. Published as `number`; the docs do not say whether it is a step's `position` or an index (the examples use the step's `position`).
             * @example 0
             */
            current_step: number;
            /**
             * @description The enrollment's status. The docs publish no list of values, so the contract accepts any string.
             *
             *     **Contract extension** (beyond the published docs): The values `active` (after enrolling) and `cancelled` (after cancelling) in the examples are invented: the docs publish no status values.
             * @example active
             */
            status: string;
            /**
             * @description When the next step is due, or `null` when none is (the examples use `null` once the enrollment is cancelled). A plain string in the docs; the examples use ISO 8601 UTC.
             * @example 2025-03-14T09:30:00Z
             */
            next_step_at: string | null;
            /**
             * @description When the person was enrolled. A plain string in the docs; the examples use ISO 8601 UTC.
             * @example 2025-03-14T09:30:00Z
             */
            enrolled_at: string;
            /**
             * @description When the enrollment completed the sequence, or `null` while it has not.
             * @example null
             */
            completed_at: string | null;
            /**
             * @description When the enrollment was cancelled, or `null` while it has not been.
             * @example null
             */
            cancelled_at: string | null;
        };
        /** @description The Comms service's error body: a machine-readable `error` code and a human-readable `message`. */
        CommsError: {
            /**
             * @description A machine-readable error code. The docs publish no list of codes; the examples use `validation_error` (422), `not_found` (404) and `unauthorized` (401).
             * @example not_found
             */
            error: string;
            /**
             * @description A human-readable explanation of the error.
             * @example Sequence seq_01JQ8M4ZK7C2V9XW3N5R6T8YBD was not found.
             */
            message: string;
            /**
             * @description For validation errors, one entry per offending field of the request body.
             *
             *     **Contract extension** (beyond the published docs): The docs print only `{error, message}`; this contract adds the offending fields so a client can tell which input was rejected.
             */
            details?: components["schemas"]["ValidationProblem"][];
        };
    };
    responses: {
        /** @description Missing or invalid API key. */
        RulesUnauthorized: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["RulesError"];
            };
        };
        /** @description The key lacks the operation's scope, or the requested resource is outside the key's allowed list. */
        RulesForbidden: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["RulesError"];
            };
        };
        /** @description No rule with this id exists in the key's organization (or it was deleted). */
        RulesRuleNotFound: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["RulesError"];
            };
        };
        /**
         * @description The request body or a parameter is invalid, or an `Idempotency-Key` was reused with a different body.
         *
         *     **Contract extension** (beyond the published docs): The docs publish no validation error. This contract answers 400 with code `validation_error` and the offending fields in `error.details`, in the service's own envelope.
         */
        RulesBadRequest: {
            headers: {
                "X-Request-ID": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["RulesError"];
            };
        };
        /** @description Missing or invalid bearer key. */
        SequencesUnauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["SequencesError"];
            };
        };
        /** @description No sequence with this id exists for the key's account. */
        SequencesNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["SequencesError"];
            };
        };
        /** @description The request body or a parameter is invalid. */
        SequencesBadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["SequencesError"];
            };
        };
        /**
         * @description The resource already exists (the API introduction's 409 conflict).
         *
         *     **Contract extension** (beyond the published docs): The API introduction lists 409 for a resource that already exists without naming the endpoints; this contract documents it on createEmailSequence, the one operation that creates a resource the client names.
         */
        SequencesConflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["SequencesError"];
            };
        };
        /** @description The service failed (the API introduction's 500 internal server error, listed for every endpoint). Clients must handle it; the local mock never fails so on its own. */
        SequencesInternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["SequencesError"];
            };
        };
        /**
         * @description Missing or invalid bearer token.
         *
         *     **Contract extension** (beyond the published docs): The comms pages document no 401; this contract answers a missing or invalid bearer token in the service's {error, message} shape.
         */
        CommsUnauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["CommsError"];
            };
        };
        /** @description The sequence or enrollment does not exist. */
        CommsNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["CommsError"];
            };
        };
        /** @description Validation error. */
        CommsValidationError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["CommsError"];
            };
        };
    };
    parameters: {
        /**
         * @description A client-provided request identifier echoed back in the response `X-Request-ID` header and `request_id` body field. If omitted, the server generates one.
         * @example req_01HXYZ6666
         */
        XRequestId: string;
        /**
         * @description A client-generated unique key to ensure idempotent processing. Requests with the same key within 24 hours return the original response without re-executing the operation. Recommended format: UUID v4.
         * @example 5f8c2a7e-1d3b-4c6a-9e2f-7b1a0c4d8e91
         */
        IdempotencyKey: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description The request's `X-Request-ID`, echoed, or generated by the server when the request had none.
         * @example req_01HXYZ6666
         */
        XRequestId: string;
    };
    pathItems: never;
}
export type ValidationProblem = components['schemas']['ValidationProblem'];
export type RulesError = components['schemas']['RulesError'];
export type RequestId = components['schemas']['RequestId'];
export type AccountType = components['schemas']['AccountType'];
export type NamedAccountRef = components['schemas']['NamedAccountRef'];
export type Rule = components['schemas']['Rule'];
export type RuleDefinition = components['schemas']['RuleDefinition'];
export type RuleCreateRequest = components['schemas']['RuleCreateRequest'];
export type RuleReplaceRequest = components['schemas']['RuleReplaceRequest'];
export type RuleResponse = components['schemas']['RuleResponse'];
export type RuleSummary = components['schemas']['RuleSummary'];
export type RuleListResponse = components['schemas']['RuleListResponse'];
export type RuleStatus = components['schemas']['RuleStatus'];
export type RuleTrigger = components['schemas']['RuleTrigger'];
export type OnFundsTransferredTrigger = components['schemas']['OnFundsTransferredTrigger'];
export type ScheduledTrigger = components['schemas']['ScheduledTrigger'];
export type ManualTrigger = components['schemas']['ManualTrigger'];
export type RuleStep = components['schemas']['RuleStep'];
export type RuleConditions = components['schemas']['RuleConditions'];
export type RuleCondition = components['schemas']['RuleCondition'];
export type RuleAction = components['schemas']['RuleAction'];
export type RuleActionBase = components['schemas']['RuleActionBase'];
export type RuleActionNode = components['schemas']['RuleActionNode'];
export type PercentageAction = components['schemas']['PercentageAction'];
export type FixedAmountAction = components['schemas']['FixedAmountAction'];
export type AvalancheAction = components['schemas']['AvalancheAction'];
export type SnowballAction = components['schemas']['SnowballAction'];
export type TopUpAction = components['schemas']['TopUpAction'];
export type RoundDownAction = components['schemas']['RoundDownAction'];
export type NextPaymentMinimumAction = components['schemas']['NextPaymentMinimumAction'];
export type TriggerRuleRequest = components['schemas']['TriggerRuleRequest'];
export type TriggerRuleResponse = components['schemas']['TriggerRuleResponse'];
export type Account = components['schemas']['Account'];
export type AccountSummary = components['schemas']['AccountSummary'];
export type AccountResponse = components['schemas']['AccountResponse'];
export type AccountListResponse = components['schemas']['AccountListResponse'];
export type RulesPageInfo = components['schemas']['RulesPageInfo'];
export type RuleExecution = components['schemas']['RuleExecution'];
export type RuleExecutionResponse = components['schemas']['RuleExecutionResponse'];
export type RuleExecutionListResponse = components['schemas']['RuleExecutionListResponse'];
export type RuleExecutionStatus = components['schemas']['RuleExecutionStatus'];
export type RuleExecutionTriggerType = components['schemas']['RuleExecutionTriggerType'];
export type RuleExecutionTriggerDetails = components['schemas']['RuleExecutionTriggerDetails'];
export type RuleExecutionManualTrigger = components['schemas']['RuleExecutionManualTrigger'];
export type RuleExecutionScheduledTrigger = components['schemas']['RuleExecutionScheduledTrigger'];
export type RuleExecutionFundsTransferredTrigger = components['schemas']['RuleExecutionFundsTransferredTrigger'];
export type RuleExecutionOutcome = components['schemas']['RuleExecutionOutcome'];
export type Transfer = components['schemas']['Transfer'];
export type TransferNode = components['schemas']['TransferNode'];
export type TransferDirection = components['schemas']['TransferDirection'];
export type TransferOrigin = components['schemas']['TransferOrigin'];
export type TransferStatus = components['schemas']['TransferStatus'];
export type TransferCreateRequest = components['schemas']['TransferCreateRequest'];
export type TransferResponse = components['schemas']['TransferResponse'];
export type TransferListResponse = components['schemas']['TransferListResponse'];
export type Card = components['schemas']['Card'];
export type CardResponse = components['schemas']['CardResponse'];
export type CardListResponse = components['schemas']['CardListResponse'];
export type CardTransaction = components['schemas']['CardTransaction'];
export type CardTransactionListResponse = components['schemas']['CardTransactionListResponse'];
export type TransferWebhookEvent = components['schemas']['TransferWebhookEvent'];
export type TransferCreatedWebhookEvent = components['schemas']['TransferCreatedWebhookEvent'];
export type TransferApprovalRequiredWebhookEvent = components['schemas']['TransferApprovalRequiredWebhookEvent'];
export type TransferStatusChangedWebhookEvent = components['schemas']['TransferStatusChangedWebhookEvent'];
export type SequencesError = components['schemas']['SequencesError'];
export type Discount = components['schemas']['Discount'];
export type DiscountStep = components['schemas']['DiscountStep'];
export type EmailBlock = components['schemas']['EmailBlock'];
export type EmailDelay = components['schemas']['EmailDelay'];
export type EmailSequence = components['schemas']['EmailSequence'];
export type EmailSequenceCreateRequest = components['schemas']['EmailSequenceCreateRequest'];
export type EmailSequenceCreated = components['schemas']['EmailSequenceCreated'];
export type EmailSequenceEnrichmentStatus = components['schemas']['EmailSequenceEnrichmentStatus'];
export type EmailSequenceEnrollmentMode = components['schemas']['EmailSequenceEnrollmentMode'];
export type EmailSequenceList = components['schemas']['EmailSequenceList'];
export type EmailSequencePagination = components['schemas']['EmailSequencePagination'];
export type EmailSequenceResponse = components['schemas']['EmailSequenceResponse'];
export type EmailSequenceStatus = components['schemas']['EmailSequenceStatus'];
export type EmailSequenceStatusChange = components['schemas']['EmailSequenceStatusChange'];
export type EmailSequenceStep = components['schemas']['EmailSequenceStep'];
export type EmailSequenceStepDetail = components['schemas']['EmailSequenceStepDetail'];
export type EmailSequenceSummary = components['schemas']['EmailSequenceSummary'];
export type EmailSequenceTrigger = components['schemas']['EmailSequenceTrigger'];
export type EmailStep = components['schemas']['EmailStep'];
export type SmsStep = components['schemas']['SmsStep'];
export type UpdateSubscriberStep = components['schemas']['UpdateSubscriberStep'];
export type StopCondition = components['schemas']['StopCondition'];
export type SubscriberEventRequest = components['schemas']['SubscriberEventRequest'];
export type SubscriberEventTracked = components['schemas']['SubscriberEventTracked'];
export type CommsSequenceCreateRequest = components['schemas']['CommsSequenceCreateRequest'];
export type CommsSequenceStepInput = components['schemas']['CommsSequenceStepInput'];
export type CommsSequence = components['schemas']['CommsSequence'];
export type CommsSequenceStep = components['schemas']['CommsSequenceStep'];
export type CommsEnrollRequest = components['schemas']['CommsEnrollRequest'];
export type CommsEnrollment = components['schemas']['CommsEnrollment'];
export type CommsError = components['schemas']['CommsError'];
export type ResponseRulesUnauthorized = components['responses']['RulesUnauthorized'];
export type ResponseRulesForbidden = components['responses']['RulesForbidden'];
export type ResponseRulesRuleNotFound = components['responses']['RulesRuleNotFound'];
export type ResponseRulesBadRequest = components['responses']['RulesBadRequest'];
export type ResponseSequencesUnauthorized = components['responses']['SequencesUnauthorized'];
export type ResponseSequencesNotFound = components['responses']['SequencesNotFound'];
export type ResponseSequencesBadRequest = components['responses']['SequencesBadRequest'];
export type ResponseSequencesConflict = components['responses']['SequencesConflict'];
export type ResponseSequencesInternalError = components['responses']['SequencesInternalError'];
export type ResponseCommsUnauthorized = components['responses']['CommsUnauthorized'];
export type ResponseCommsNotFound = components['responses']['CommsNotFound'];
export type ResponseCommsValidationError = components['responses']['CommsValidationError'];
export type ParameterXRequestId = components['parameters']['XRequestId'];
export type ParameterIdempotencyKey = components['parameters']['IdempotencyKey'];
export type HeaderXRequestId = components['headers']['XRequestId'];
export type $defs = Record<string, never>;
export interface operations {
    listAccounts: {
        parameters: {
            query?: {
                /**
                 * @description Filter by account type.
                 * @example pod
                 */
                type?: components["schemas"]["AccountType"];
            };
            header?: {
                /**
                 * @description A client-provided request identifier echoed back in the response `X-Request-ID` header and `request_id` body field. If omitted, the server generates one.
                 * @example req_01HXYZ6666
                 */
                "X-Request-ID"?: components["parameters"]["XRequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The organization's accounts. */
            200: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountListResponse"];
                };
            };
            400: components["responses"]["RulesBadRequest"];
            401: components["responses"]["RulesUnauthorized"];
            403: components["responses"]["RulesForbidden"];
        };
    };
    getAccount: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A client-provided request identifier echoed back in the response `X-Request-ID` header and `request_id` body field. If omitted, the server generates one.
                 * @example req_01HXYZ6666
                 */
                "X-Request-ID"?: components["parameters"]["XRequestId"];
            };
            path: {
                /**
                 * @description The account ID.
                 * @example acc_01HGHI7890
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account. */
            200: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountResponse"];
                };
            };
            400: components["responses"]["RulesBadRequest"];
            401: components["responses"]["RulesUnauthorized"];
            403: components["responses"]["RulesForbidden"];
            /** @description No account with this id exists in the key's organization. */
            404: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RulesError"];
                };
            };
        };
    };
    listRules: {
        parameters: {
            query?: {
                /**
                 * @description Filter rules by source account ID.
                 * @example acc_01HABC4567
                 */
                source_id?: string;
            };
            header?: {
                /**
                 * @description A client-provided request identifier echoed back in the response `X-Request-ID` header and `request_id` body field. If omitted, the server generates one.
                 * @example req_01HXYZ6666
                 */
                "X-Request-ID"?: components["parameters"]["XRequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The organization's rules. */
            200: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleListResponse"];
                };
            };
            400: components["responses"]["RulesBadRequest"];
            401: components["responses"]["RulesUnauthorized"];
            403: components["responses"]["RulesForbidden"];
        };
    };
    createRule: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A client-generated unique key to ensure idempotent processing. Requests with the same key within 24 hours return the original response without re-executing the operation. Recommended format: UUID v4.
                 * @example 5f8c2a7e-1d3b-4c6a-9e2f-7b1a0c4d8e91
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description A client-provided request identifier echoed back in the response `X-Request-ID` header and `request_id` body field. If omitted, the server generates one.
                 * @example req_01HXYZ6666
                 */
                "X-Request-ID"?: components["parameters"]["XRequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RuleCreateRequest"];
            };
        };
        responses: {
            /**
             * @description The created rule.
             *
             *     **Contract extension** (beyond the published docs): The docs do not print the status code of a created rule; this contract answers 201 Created.
             */
            201: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleResponse"];
                };
            };
            /**
             * @description The request body or a parameter is invalid, or an `Idempotency-Key` was reused with a different body. The create page prints its bodies in status order (201, this one, 401, 403): the rule-not-found body it prints second is this status's, though the page does not say when it is returned.
             *
             *     **Contract extension** (beyond the published docs): The page prints only the rule-not-found body here. The `validation_error` and `idempotency_key_mismatch` bodies are this contract's, in the service's own envelope.
             */
            400: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RulesError"];
                };
            };
            401: components["responses"]["RulesUnauthorized"];
            403: components["responses"]["RulesForbidden"];
        };
    };
    getRule: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A client-provided request identifier echoed back in the response `X-Request-ID` header and `request_id` body field. If omitted, the server generates one.
                 * @example req_01HXYZ6666
                 */
                "X-Request-ID"?: components["parameters"]["XRequestId"];
            };
            path: {
                /**
                 * @description The rule ID.
                 * @example rule_01HXYZ1234
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rule. */
            200: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleResponse"];
                };
            };
            400: components["responses"]["RulesBadRequest"];
            401: components["responses"]["RulesUnauthorized"];
            403: components["responses"]["RulesForbidden"];
            404: components["responses"]["RulesRuleNotFound"];
        };
    };
    updateRule: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A client-generated unique key to ensure idempotent processing. Requests with the same key within 24 hours return the original response without re-executing the operation. Recommended format: UUID v4.
                 * @example 5f8c2a7e-1d3b-4c6a-9e2f-7b1a0c4d8e91
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description A client-provided request identifier echoed back in the response `X-Request-ID` header and `request_id` body field. If omitted, the server generates one.
                 * @example req_01HXYZ6666
                 */
                "X-Request-ID"?: components["parameters"]["XRequestId"];
            };
            path: {
                /**
                 * @description The rule ID.
                 * @example rule_01HXYZ1234
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RuleReplaceRequest"];
            };
        };
        responses: {
            /** @description The replaced rule. */
            200: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleResponse"];
                };
            };
            /**
             * @description The request body or a parameter is invalid, or an `Idempotency-Key` was reused with a different body. The update page prints its bodies in status order (200, this one, 401, 403, 404): the rule-not-found body it prints second is this status's, though the page does not say when it is returned.
             *
             *     **Contract extension** (beyond the published docs): The page prints only the rule-not-found body here. The `validation_error` and `idempotency_key_mismatch` bodies are this contract's, in the service's own envelope.
             */
            400: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RulesError"];
                };
            };
            /** @description Missing or invalid API key. */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RulesError"];
                };
            };
            /** @description The key lacks CREATE_AND_EDIT_RULES (see the scope table). */
            403: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RulesError"];
                };
            };
            /** @description No rule with this id exists in the organization, or it was deleted. The update page prints this body last, in the 404 position. */
            404: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RulesError"];
                };
            };
        };
    };
    deleteRule: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A client-generated unique key to ensure idempotent processing. Requests with the same key within 24 hours return the original response without re-executing the operation. Recommended format: UUID v4.
                 * @example 5f8c2a7e-1d3b-4c6a-9e2f-7b1a0c4d8e91
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description A client-provided request identifier echoed back in the response `X-Request-ID` header and `request_id` body field. If omitted, the server generates one.
                 * @example req_01HXYZ6666
                 */
                "X-Request-ID"?: components["parameters"]["XRequestId"];
            };
            path: {
                /**
                 * @description The rule ID.
                 * @example rule_01HXYZ1234
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description The rule was soft-deleted. No body.
             *
             *     **Contract extension** (beyond the published docs): The delete page prints only error bodies, so success carries no body; this contract answers 204 No Content.
             */
            204: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["RulesBadRequest"];
            /** @description Missing or invalid API key. */
            401: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RulesError"];
                };
            };
            /** @description The key lacks CREATE_AND_EDIT_RULES (see the scope table). */
            403: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RulesError"];
                };
            };
            /** @description No rule with this id exists in the organization, or it was deleted. */
            404: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RulesError"];
                };
            };
        };
    };
    triggerRule: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A client-generated unique key to ensure idempotent processing. Requests with the same key within 24 hours return the original response without re-executing the operation. Recommended format: UUID v4.
                 * @example 5f8c2a7e-1d3b-4c6a-9e2f-7b1a0c4d8e91
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description A client-provided request identifier echoed back in the response `X-Request-ID` header and `request_id` body field. If omitted, the server generates one.
                 * @example req_01HXYZ6666
                 */
                "X-Request-ID"?: components["parameters"]["XRequestId"];
            };
            path: {
                /**
                 * @description The rule ID.
                 * @example rule_01HXYZ1234
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["TriggerRuleRequest"];
            };
        };
        responses: {
            /**
             * @description The run was accepted; poll the execution.
             *
             *     **Contract extension** (beyond the published docs): The docs do not print the trigger response; this contract answers 202 Accepted.
             */
            202: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TriggerRuleResponse"];
                };
            };
            400: components["responses"]["RulesBadRequest"];
            401: components["responses"]["RulesUnauthorized"];
            403: components["responses"]["RulesForbidden"];
            404: components["responses"]["RulesRuleNotFound"];
        };
    };
    listRuleExecutions: {
        parameters: {
            query: {
                /**
                 * @description Rule ID to filter by. Must be present in the key's `READ_RULE_EXECUTIONS` resources.
                 * @example rule_01HXYZ1234
                 */
                rule_id: string;
                /**
                 * @description Filter by execution status.
                 * @example executed
                 */
                status?: components["schemas"]["RuleExecutionStatus"];
                /**
                 * @description Filter by trigger type.
                 * @example on_funds_transferred
                 */
                trigger_type?: components["schemas"]["RuleExecutionTriggerType"];
                /**
                 * @description Return executions created at or after this timestamp (ISO 8601).
                 * @example 2024-04-01T00:00:00Z
                 */
                from?: string;
                /**
                 * @description Return executions created at or before this timestamp (ISO 8601).
                 * @example 2024-04-30T23:59:59Z
                 */
                to?: string;
                /**
                 * @description Number of results to return. Defaults to 20, maximum 100.
                 *
                 *     **Contract extension** (beyond the published docs): The docs give the default and the maximum; the minimum of 1 is this contract's.
                 * @example 20
                 */
                first?: number;
                /**
                 * @description Cursor from a previous response's `page_info.end_cursor` to fetch the next page.
                 * @example Y3Vyc29yOnJleF8wMUhBQkM0NTY3
                 */
                after?: string;
            };
            header?: {
                /**
                 * @description A client-provided request identifier echoed back in the response `X-Request-ID` header and `request_id` body field. If omitted, the server generates one.
                 * @example req_01HXYZ6666
                 */
                "X-Request-ID"?: components["parameters"]["XRequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the rule's executions, newest first. */
            200: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleExecutionListResponse"];
                };
            };
            400: components["responses"]["RulesBadRequest"];
            401: components["responses"]["RulesUnauthorized"];
            403: components["responses"]["RulesForbidden"];
        };
    };
    getRuleExecution: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A client-provided request identifier echoed back in the response `X-Request-ID` header and `request_id` body field. If omitted, the server generates one.
                 * @example req_01HXYZ6666
                 */
                "X-Request-ID"?: components["parameters"]["XRequestId"];
            };
            path: {
                /**
                 * @description The rule execution ID.
                 * @example rex_01HABC4567
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rule execution. */
            200: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleExecutionResponse"];
                };
            };
            400: components["responses"]["RulesBadRequest"];
            401: components["responses"]["RulesUnauthorized"];
            403: components["responses"]["RulesForbidden"];
            /** @description No rule execution with this id exists in the key's organization. */
            404: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RulesError"];
                };
            };
        };
    };
    listTransfers: {
        parameters: {
            query: {
                /**
                 * @description Account ID to filter by. Must be present in the key's `READ_TRANSFERS` resources. Use `account_role` to control whether to match on source, destination, or either.
                 * @example acc_01HDEF0123
                 */
                account_id: string;
                /**
                 * @description Controls how `account_id` is matched. Defaults to `either`.
                 * @example either
                 */
                account_role?: "source" | "destination" | "either";
                /**
                 * @description Filter by direction.
                 * @example internal
                 */
                direction?: components["schemas"]["TransferDirection"];
                /**
                 * @description Filter by origin.
                 * @example rule
                 */
                origin?: components["schemas"]["TransferOrigin"];
                /**
                 * @description Filter by status.
                 * @example complete
                 */
                status?: components["schemas"]["TransferStatus"];
                /**
                 * @description Number of results to return. Defaults to 20, maximum 100.
                 *
                 *     **Contract extension** (beyond the published docs): The docs' parameter list is cut off after `status`; transfer history pages like the service's other histories (`first`, `after`, `page_info`).
                 * @example 20
                 */
                first?: number;
                /**
                 * @description Cursor from a previous response's `page_info.end_cursor` to fetch the next page.
                 *
                 *     **Contract extension** (beyond the published docs): The docs' parameter list is cut off after `status`; transfer history pages like the service's other histories (`first`, `after`, `page_info`).
                 * @example Y3Vyc29yOnR4cl8wMUhBQkMxMTEx
                 */
                after?: string;
            };
            header?: {
                /**
                 * @description A client-provided request identifier echoed back in the response `X-Request-ID` header and `request_id` body field. If omitted, the server generates one.
                 * @example req_01HXYZ6666
                 */
                "X-Request-ID"?: components["parameters"]["XRequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the account's transfers, newest first. */
            200: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransferListResponse"];
                };
            };
            400: components["responses"]["RulesBadRequest"];
            401: components["responses"]["RulesUnauthorized"];
            403: components["responses"]["RulesForbidden"];
        };
    };
    createTransfer: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A client-generated unique key to ensure idempotent processing. Requests with the same key within 24 hours return the original response without re-executing the operation. Recommended format: UUID v4.
                 * @example 5f8c2a7e-1d3b-4c6a-9e2f-7b1a0c4d8e91
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description A client-provided request identifier echoed back in the response `X-Request-ID` header and `request_id` body field. If omitted, the server generates one.
                 * @example req_01HXYZ6666
                 */
                "X-Request-ID"?: components["parameters"]["XRequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransferCreateRequest"];
            };
        };
        responses: {
            /**
             * @description The transfer was accepted and is processed asynchronously; poll `GET /transfers/{id}`. Its status is `processing`, or `pending_approval` when a person must approve it in the Sequence app first. A repeated `Idempotency-Key` replays this answer.
             *
             *     **Contract extension** (beyond the published docs): The docs' response is cut off; as the transfer is processed asynchronously, this contract answers 202 Accepted with the new transfer (origin `user`, status `processing` or `pending_approval`).
             */
            202: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransferResponse"];
                };
            };
            400: components["responses"]["RulesBadRequest"];
            401: components["responses"]["RulesUnauthorized"];
            403: components["responses"]["RulesForbidden"];
        };
    };
    getTransfer: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A client-provided request identifier echoed back in the response `X-Request-ID` header and `request_id` body field. If omitted, the server generates one.
                 * @example req_01HXYZ6666
                 */
                "X-Request-ID"?: components["parameters"]["XRequestId"];
            };
            path: {
                /**
                 * @description The transfer ID.
                 * @example txr_01HABC1111
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The transfer. */
            200: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransferResponse"];
                };
            };
            400: components["responses"]["RulesBadRequest"];
            401: components["responses"]["RulesUnauthorized"];
            403: components["responses"]["RulesForbidden"];
            /** @description No transfer with this id exists in the key's organization. */
            404: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RulesError"];
                };
            };
        };
    };
    listCards: {
        parameters: {
            query: {
                /**
                 * @description Pod ID to filter by. Must be present in the key's `READ_CARDS` resources.
                 * @example acc_01HDEF0123
                 */
                account_id: string;
                /**
                 * @description Filter by card status.
                 * @example active
                 */
                status?: "active" | "inactive" | "frozen" | "stolen" | "lost";
                /**
                 * @description Filter by card type.
                 * @example physical
                 */
                type?: "virtual" | "physical";
            };
            header?: {
                /**
                 * @description A client-provided request identifier echoed back in the response `X-Request-ID` header and `request_id` body field. If omitted, the server generates one.
                 * @example req_01HXYZ6666
                 */
                "X-Request-ID"?: components["parameters"]["XRequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The pod's cards. */
            200: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CardListResponse"];
                };
            };
            400: components["responses"]["RulesBadRequest"];
            401: components["responses"]["RulesUnauthorized"];
            403: components["responses"]["RulesForbidden"];
        };
    };
    getCard: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A client-provided request identifier echoed back in the response `X-Request-ID` header and `request_id` body field. If omitted, the server generates one.
                 * @example req_01HXYZ6666
                 */
                "X-Request-ID"?: components["parameters"]["XRequestId"];
            };
            path: {
                /**
                 * @description The card ID.
                 * @example card_01HABC4567
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The card. */
            200: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CardResponse"];
                };
            };
            400: components["responses"]["RulesBadRequest"];
            401: components["responses"]["RulesUnauthorized"];
            403: components["responses"]["RulesForbidden"];
            /** @description No card with this id exists in the key's organization. */
            404: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RulesError"];
                };
            };
        };
    };
    listCardTransactions: {
        parameters: {
            query?: {
                /**
                 * @description Filter by direction.
                 * @example debit
                 */
                direction?: "debit" | "credit";
                /**
                 * @description Return transactions created at or after this timestamp (ISO 8601).
                 * @example 2024-04-01T00:00:00Z
                 */
                from?: string;
                /**
                 * @description Return transactions created at or before this timestamp (ISO 8601).
                 * @example 2024-04-30T23:59:59Z
                 */
                to?: string;
                /**
                 * @description Number of results to return. Defaults to 20, maximum 100.
                 *
                 *     **Contract extension** (beyond the published docs): The docs give the default and the maximum; the minimum of 1 is this contract's.
                 * @example 20
                 */
                first?: number;
                /**
                 * @description Cursor from a previous response's `page_info.end_cursor` to fetch the next page.
                 * @example Y3Vyc29yOmN0eF8wMUhBQkM1MDAx
                 */
                after?: string;
            };
            header?: {
                /**
                 * @description A client-provided request identifier echoed back in the response `X-Request-ID` header and `request_id` body field. If omitted, the server generates one.
                 * @example req_01HXYZ6666
                 */
                "X-Request-ID"?: components["parameters"]["XRequestId"];
            };
            path: {
                /**
                 * @description The card ID.
                 * @example card_01HABC4567
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the card's transactions, newest first. */
            200: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CardTransactionListResponse"];
                };
            };
            400: components["responses"]["RulesBadRequest"];
            401: components["responses"]["RulesUnauthorized"];
            403: components["responses"]["RulesForbidden"];
            /** @description No card with this id exists in the key's organization. */
            404: {
                headers: {
                    "X-Request-ID": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RulesError"];
                };
            };
        };
    };
    listEmailSequences: {
        parameters: {
            query?: {
                /** @description Only sequences in this status. */
                status?: components["schemas"]["EmailSequenceStatus"];
                /**
                 * @description Only sequences whose name contains this text (case-insensitive).
                 *
                 *     **Contract extension** (beyond the published docs): The reference names the parameter only; matching on the name, case-insensitively, is this contract's reading.
                 * @example onboarding
                 */
                search?: string;
                /**
                 * @description Page size (maximum 100).
                 *
                 *     **Contract extension** (beyond the published docs): The reference gives only the maximum (100); the minimum 1 and the default 20 are this contract's.
                 * @example 20
                 */
                limit?: number;
                /**
                 * @description Number of sequences to skip.
                 *
                 *     **Contract extension** (beyond the published docs): The reference names the parameter only; the minimum 0 and the default 0 are this contract's.
                 * @example 0
                 */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of sequences. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailSequenceList"];
                };
            };
            400: components["responses"]["SequencesBadRequest"];
            401: components["responses"]["SequencesUnauthorized"];
            500: components["responses"]["SequencesInternalError"];
        };
    };
    createEmailSequence: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmailSequenceCreateRequest"];
            };
        };
        responses: {
            /** @description The sequence was created in `draft` status. (The seed prints this body without a status code; the vendor's API introduction lists 200 as the success status.) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailSequenceCreated"];
                };
            };
            400: components["responses"]["SequencesBadRequest"];
            401: components["responses"]["SequencesUnauthorized"];
            409: components["responses"]["SequencesConflict"];
            500: components["responses"]["SequencesInternalError"];
        };
    };
    getEmailSequence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Sequence ID.
                 * @example seq_abc123
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sequence. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailSequenceResponse"];
                };
            };
            401: components["responses"]["SequencesUnauthorized"];
            404: components["responses"]["SequencesNotFound"];
            500: components["responses"]["SequencesInternalError"];
        };
    };
    enableEmailSequence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Sequence ID.
                 * @example seq_abc123
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sequence is active. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailSequenceStatusChange"];
                };
            };
            /**
             * @description The sequence is not ready to be enabled, such as a discount step without a connected Stripe integration.
             *
             *     **Contract extension** (beyond the published docs): The docs say readiness checks apply before activation but publish no failure body. The vendor's API introduction lists 400 for bad requests; this contract answers 400 with code `sequence_not_ready`.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SequencesError"];
                };
            };
            401: components["responses"]["SequencesUnauthorized"];
            404: components["responses"]["SequencesNotFound"];
            500: components["responses"]["SequencesInternalError"];
        };
    };
    disableEmailSequence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Sequence ID.
                 * @example seq_abc123
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sequence is paused. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailSequenceStatusChange"];
                };
            };
            401: components["responses"]["SequencesUnauthorized"];
            404: components["responses"]["SequencesNotFound"];
            500: components["responses"]["SequencesInternalError"];
        };
    };
    trackSubscriberEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubscriberEventRequest"];
            };
        };
        responses: {
            /** @description The event was recorded. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriberEventTracked"];
                };
            };
            400: components["responses"]["SequencesBadRequest"];
            401: components["responses"]["SequencesUnauthorized"];
            500: components["responses"]["SequencesInternalError"];
        };
    };
    createCommsSequence: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommsSequenceCreateRequest"];
            };
        };
        responses: {
            /** @description Sequence created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommsSequence"];
                };
            };
            /** @description Missing or invalid bearer token. (Extension: the comms pages document no 401; this contract answers it in the service's `{error, message}` shape.) */
            401: components["responses"]["CommsUnauthorized"];
            /** @description Validation error (the request body does not match the schema). */
            422: components["responses"]["CommsValidationError"];
        };
    };
    getCommsSequence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The sequence's id.
                 * @example seq_01JQ8M4ZK7C2V9XW3N5R6T8YBD
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sequence. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommsSequence"];
                };
            };
            /** @description Missing or invalid bearer token. (Extension: the comms pages document no 401; this contract answers it in the service's `{error, message}` shape.) */
            401: components["responses"]["CommsUnauthorized"];
            /** @description No sequence with this id exists. */
            404: components["responses"]["CommsNotFound"];
        };
    };
    enrollInCommsSequence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The id of the sequence to enroll the person in.
                 * @example seq_01JQ8M4ZK7C2V9XW3N5R6T8YBD
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommsEnrollRequest"];
            };
        };
        responses: {
            /** @description Enrollment created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommsEnrollment"];
                };
            };
            /** @description Missing or invalid bearer token. (Extension: the comms pages document no 401; this contract answers it in the service's `{error, message}` shape.) */
            401: components["responses"]["CommsUnauthorized"];
            /** @description No sequence with this id exists. */
            404: components["responses"]["CommsNotFound"];
            /** @description The request body does not match the schema. (Extension: the enroll page documents only 201 and 404; this contract answers an invalid body as `POST /v1/sequences` does.) */
            422: components["responses"]["CommsValidationError"];
        };
    };
    cancelCommsEnrollment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The id of the enrollment to cancel.
                 * @example enr_01JQ9A2C4E6G8J0M2P4R6T8V0X
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cancelled enrollment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommsEnrollment"];
                };
            };
            /** @description Missing or invalid bearer token. (Extension: the comms pages document no 401; this contract answers it in the service's `{error, message}` shape.) */
            401: components["responses"]["CommsUnauthorized"];
            /** @description No enrollment with this id exists. */
            404: components["responses"]["CommsNotFound"];
        };
    };
    onTransferCreated: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransferCreatedWebhookEvent"];
            };
        };
        responses: {
            /** @description The receiver acknowledges the event (any 2xx status does); the body is ignored. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onTransferApprovalRequired: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransferApprovalRequiredWebhookEvent"];
            };
        };
        responses: {
            /** @description The receiver acknowledges the event (any 2xx status does); the body is ignored. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onTransferStatusChanged: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransferStatusChangedWebhookEvent"];
            };
        };
        responses: {
            /** @description The receiver acknowledges the event (any 2xx status does); the body is ignored. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
