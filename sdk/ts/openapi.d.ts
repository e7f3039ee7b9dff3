export interface paths {
  "/customer/api-keys": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List your API keys (never their secret part) */
    get: {
      parameters: {
        query?: {
          /** @description Items per page, 1 to 100 */
          limit?: number;
          /** @description The `next_cursor` of the previous page */
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page of keys */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              data: components["schemas"]["ApiKey"][];
              page: components["schemas"]["PageInfo"];
            };
          };
        };
        /** @description Error: IDEMPOTENCY_KEY_INVALID, PAGINATION_INVALID_CURSOR, EXPORT_RANGE_TOO_LARGE, WEBHOOK_INVALID_URL, VALIDATION_FAILED */
        400: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    /** Create an API key; the key is shown once */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: {
        content: {
          "application/json": {
            name: string;
            scopes?: (
              | "datasets:read"
              | "datasets:write"
              | "packages:read"
              | "packages:write"
              | "jobs:read"
              | "jobs:write"
              | "usage:read"
              | "webhooks:write"
              | "keys:write"
            )[];
          };
        };
      };
      responses: {
        /** @description The new key */
        201: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["NewApiKey"];
          };
        };
        /** @description Error: IDEMPOTENCY_KEY_INVALID, PAGINATION_INVALID_CURSOR, EXPORT_RANGE_TOO_LARGE, WEBHOOK_INVALID_URL, VALIDATION_FAILED */
        400: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customer/api-keys/{id}/revoke": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revoke an API key; it stops working at once */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The revoked key */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ApiKey"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: JOB_NOT_FOUND, ARTIFACT_NOT_FOUND, ROUTE_NOT_FOUND, NODE_NOT_FOUND, CUSTOMER_NOT_FOUND, API_KEY_NOT_FOUND, DATASET_NOT_FOUND, PACKAGE_NOT_FOUND, UPLOAD_NOT_FOUND, WEBHOOK_NOT_FOUND */
        404: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customer/webhooks": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List webhook endpoints, newest first */
    get: {
      parameters: {
        query?: {
          /** @description Items per page, 1 to 100 */
          limit?: number;
          /** @description The `next_cursor` of the previous page */
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page of endpoints */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              data: components["schemas"]["WebhookEndpoint"][];
              page: components["schemas"]["PageInfo"];
            };
          };
        };
        /** @description Error: IDEMPOTENCY_KEY_INVALID, PAGINATION_INVALID_CURSOR, EXPORT_RANGE_TOO_LARGE, WEBHOOK_INVALID_URL, VALIDATION_FAILED */
        400: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    /** Register a webhook endpoint */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            /** @description Public https URL; port 443 or 1024 and up; no credentials */
            url: string;
            events: ("training_job.completed" | "training_job.failed" | "training_job.cancelled")[];
          };
        };
      };
      responses: {
        /** @description The endpoint, with its signing secret */
        201: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["CreatedWebhookEndpoint"];
          };
        };
        /** @description Error: IDEMPOTENCY_KEY_INVALID, PAGINATION_INVALID_CURSOR, EXPORT_RANGE_TOO_LARGE, WEBHOOK_INVALID_URL, VALIDATION_FAILED */
        400: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customer/webhooks/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a webhook endpoint */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The endpoint */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["WebhookEndpoint"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: JOB_NOT_FOUND, ARTIFACT_NOT_FOUND, ROUTE_NOT_FOUND, NODE_NOT_FOUND, CUSTOMER_NOT_FOUND, API_KEY_NOT_FOUND, DATASET_NOT_FOUND, PACKAGE_NOT_FOUND, UPLOAD_NOT_FOUND, WEBHOOK_NOT_FOUND */
        404: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a webhook endpoint; its pending deliveries are dropped */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: JOB_NOT_FOUND, ARTIFACT_NOT_FOUND, ROUTE_NOT_FOUND, NODE_NOT_FOUND, CUSTOMER_NOT_FOUND, API_KEY_NOT_FOUND, DATASET_NOT_FOUND, PACKAGE_NOT_FOUND, UPLOAD_NOT_FOUND, WEBHOOK_NOT_FOUND */
        404: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customer/webhooks/{id}/deliveries": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List an endpoint's deliveries, newest first */
    get: {
      parameters: {
        query?: {
          /** @description Items per page, 1 to 100 */
          limit?: number;
          /** @description The `next_cursor` of the previous page */
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page of deliveries */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              data: components["schemas"]["WebhookDelivery"][];
              page: components["schemas"]["PageInfo"];
            };
          };
        };
        /** @description Error: IDEMPOTENCY_KEY_INVALID, PAGINATION_INVALID_CURSOR, EXPORT_RANGE_TOO_LARGE, WEBHOOK_INVALID_URL, VALIDATION_FAILED */
        400: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: JOB_NOT_FOUND, ARTIFACT_NOT_FOUND, ROUTE_NOT_FOUND, NODE_NOT_FOUND, CUSTOMER_NOT_FOUND, API_KEY_NOT_FOUND, DATASET_NOT_FOUND, PACKAGE_NOT_FOUND, UPLOAD_NOT_FOUND, WEBHOOK_NOT_FOUND */
        404: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customer/webhooks/{id}/test": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a ping event to the endpoint
     * @description Answers after the first attempt; a failed ping is retried like any event.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The ping's delivery after its first attempt */
        202: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["WebhookDelivery"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: JOB_NOT_FOUND, ARTIFACT_NOT_FOUND, ROUTE_NOT_FOUND, NODE_NOT_FOUND, CUSTOMER_NOT_FOUND, API_KEY_NOT_FOUND, DATASET_NOT_FOUND, PACKAGE_NOT_FOUND, UPLOAD_NOT_FOUND, WEBHOOK_NOT_FOUND */
        404: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customer/datasets": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List datasets, newest first */
    get: {
      parameters: {
        query?: {
          /** @description Items per page, 1 to 100 */
          limit?: number;
          /** @description The `next_cursor` of the previous page */
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page of datasets */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              data: components["schemas"]["Dataset"][];
              page: components["schemas"]["PageInfo"];
            };
          };
        };
        /** @description Error: IDEMPOTENCY_KEY_INVALID, PAGINATION_INVALID_CURSOR, EXPORT_RANGE_TOO_LARGE, WEBHOOK_INVALID_URL, VALIDATION_FAILED */
        400: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    /** Create a dataset record; upload its bytes next */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["CreateDataset"];
        };
      };
      responses: {
        /** @description Created, waiting for its bytes */
        201: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Dataset"];
          };
        };
        /** @description Error: IDEMPOTENCY_KEY_INVALID, PAGINATION_INVALID_CURSOR, EXPORT_RANGE_TOO_LARGE, WEBHOOK_INVALID_URL, VALIDATION_FAILED */
        400: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customer/datasets/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a dataset */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The dataset */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Dataset"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: JOB_NOT_FOUND, ARTIFACT_NOT_FOUND, ROUTE_NOT_FOUND, NODE_NOT_FOUND, CUSTOMER_NOT_FOUND, API_KEY_NOT_FOUND, DATASET_NOT_FOUND, PACKAGE_NOT_FOUND, UPLOAD_NOT_FOUND, WEBHOOK_NOT_FOUND */
        404: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a dataset and its bytes, unless an active job uses it */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: JOB_NOT_FOUND, ARTIFACT_NOT_FOUND, ROUTE_NOT_FOUND, NODE_NOT_FOUND, CUSTOMER_NOT_FOUND, API_KEY_NOT_FOUND, DATASET_NOT_FOUND, PACKAGE_NOT_FOUND, UPLOAD_NOT_FOUND, WEBHOOK_NOT_FOUND */
        404: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: DATASET_NOT_READY, DATASET_IN_USE, PACKAGE_NOT_READY, PACKAGE_IN_USE, UPLOAD_STATE_INVALID, JOB_NOT_CANCELLABLE */
        409: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customer/datasets/{id}/content": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Upload the whole dataset in one request (up to 100 MiB) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/octet-stream": string;
        };
      };
      responses: {
        /** @description Stored and its digest matched; finalize it next */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Dataset"];
          };
        };
        /** @description Error: IDEMPOTENCY_KEY_INVALID, PAGINATION_INVALID_CURSOR, EXPORT_RANGE_TOO_LARGE, WEBHOOK_INVALID_URL, VALIDATION_FAILED */
        400: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: JOB_NOT_FOUND, ARTIFACT_NOT_FOUND, ROUTE_NOT_FOUND, NODE_NOT_FOUND, CUSTOMER_NOT_FOUND, API_KEY_NOT_FOUND, DATASET_NOT_FOUND, PACKAGE_NOT_FOUND, UPLOAD_NOT_FOUND, WEBHOOK_NOT_FOUND */
        404: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: DATASET_NOT_READY, DATASET_IN_USE, PACKAGE_NOT_READY, PACKAGE_IN_USE, UPLOAD_STATE_INVALID, JOB_NOT_CANCELLABLE */
        409: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: PAYLOAD_TOO_LARGE */
        413: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: IDEMPOTENCY_CONFLICT, PACKAGE_INVALID, PLAN_INVALID, CHECKSUM_MISMATCH */
        422: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customer/datasets/{id}/uploads": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start a multipart upload (replaces one still open) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Started; PUT the parts, then complete */
        201: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["MultipartUpload"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: JOB_NOT_FOUND, ARTIFACT_NOT_FOUND, ROUTE_NOT_FOUND, NODE_NOT_FOUND, CUSTOMER_NOT_FOUND, API_KEY_NOT_FOUND, DATASET_NOT_FOUND, PACKAGE_NOT_FOUND, UPLOAD_NOT_FOUND, WEBHOOK_NOT_FOUND */
        404: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: DATASET_NOT_READY, DATASET_IN_USE, PACKAGE_NOT_READY, PACKAGE_IN_USE, UPLOAD_STATE_INVALID, JOB_NOT_CANCELLABLE */
        409: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customer/datasets/{id}/uploads/{upload_id}/parts/{part_number}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Upload one part (1–10,000; up to 100 MiB; all but the last at least 5 MiB)
     * @description Send Content-Length. Parts may be sent in any order and retried.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          upload_id: string;
          part_number: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/octet-stream": string;
        };
      };
      responses: {
        /** @description Stored; keep the etag for complete */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["UploadedPart"];
          };
        };
        /** @description Error: IDEMPOTENCY_KEY_INVALID, PAGINATION_INVALID_CURSOR, EXPORT_RANGE_TOO_LARGE, WEBHOOK_INVALID_URL, VALIDATION_FAILED */
        400: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: JOB_NOT_FOUND, ARTIFACT_NOT_FOUND, ROUTE_NOT_FOUND, NODE_NOT_FOUND, CUSTOMER_NOT_FOUND, API_KEY_NOT_FOUND, DATASET_NOT_FOUND, PACKAGE_NOT_FOUND, UPLOAD_NOT_FOUND, WEBHOOK_NOT_FOUND */
        404: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: DATASET_NOT_READY, DATASET_IN_USE, PACKAGE_NOT_READY, PACKAGE_IN_USE, UPLOAD_STATE_INVALID, JOB_NOT_CANCELLABLE */
        409: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: PAYLOAD_TOO_LARGE */
        413: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: IDEMPOTENCY_CONFLICT, PACKAGE_INVALID, PLAN_INVALID, CHECKSUM_MISMATCH */
        422: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customer/datasets/{id}/uploads/{upload_id}/complete": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Assemble the uploaded parts into the file */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          upload_id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["CompleteMultipartUpload"];
        };
      };
      responses: {
        /** @description Assembled; finalize it next */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Dataset"];
          };
        };
        /** @description Error: IDEMPOTENCY_KEY_INVALID, PAGINATION_INVALID_CURSOR, EXPORT_RANGE_TOO_LARGE, WEBHOOK_INVALID_URL, VALIDATION_FAILED */
        400: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: JOB_NOT_FOUND, ARTIFACT_NOT_FOUND, ROUTE_NOT_FOUND, NODE_NOT_FOUND, CUSTOMER_NOT_FOUND, API_KEY_NOT_FOUND, DATASET_NOT_FOUND, PACKAGE_NOT_FOUND, UPLOAD_NOT_FOUND, WEBHOOK_NOT_FOUND */
        404: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: DATASET_NOT_READY, DATASET_IN_USE, PACKAGE_NOT_READY, PACKAGE_IN_USE, UPLOAD_STATE_INVALID, JOB_NOT_CANCELLABLE */
        409: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: IDEMPOTENCY_CONFLICT, PACKAGE_INVALID, PLAN_INVALID, CHECKSUM_MISMATCH */
        422: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customer/datasets/{id}/finalize": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Verify the stored bytes and make the dataset ready
     * @description Idempotent: a ready one answers 200 unchanged; a failed one answers its error again.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Verified and ready */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Dataset"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: JOB_NOT_FOUND, ARTIFACT_NOT_FOUND, ROUTE_NOT_FOUND, NODE_NOT_FOUND, CUSTOMER_NOT_FOUND, API_KEY_NOT_FOUND, DATASET_NOT_FOUND, PACKAGE_NOT_FOUND, UPLOAD_NOT_FOUND, WEBHOOK_NOT_FOUND */
        404: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: DATASET_NOT_READY, DATASET_IN_USE, PACKAGE_NOT_READY, PACKAGE_IN_USE, UPLOAD_STATE_INVALID, JOB_NOT_CANCELLABLE */
        409: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: IDEMPOTENCY_CONFLICT, PACKAGE_INVALID, PLAN_INVALID, CHECKSUM_MISMATCH */
        422: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customer/training-packages": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List training-packages, newest first */
    get: {
      parameters: {
        query?: {
          /** @description Items per page, 1 to 100 */
          limit?: number;
          /** @description The `next_cursor` of the previous page */
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page of training-packages */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              data: components["schemas"]["TrainingPackage"][];
              page: components["schemas"]["PageInfo"];
            };
          };
        };
        /** @description Error: IDEMPOTENCY_KEY_INVALID, PAGINATION_INVALID_CURSOR, EXPORT_RANGE_TOO_LARGE, WEBHOOK_INVALID_URL, VALIDATION_FAILED */
        400: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    /** Create a training package record; upload its bytes next */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["CreateTrainingPackage"];
        };
      };
      responses: {
        /** @description Created, waiting for its bytes */
        201: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["TrainingPackage"];
          };
        };
        /** @description Error: IDEMPOTENCY_KEY_INVALID, PAGINATION_INVALID_CURSOR, EXPORT_RANGE_TOO_LARGE, WEBHOOK_INVALID_URL, VALIDATION_FAILED */
        400: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customer/training-packages/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a training package */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The training package */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["TrainingPackage"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: JOB_NOT_FOUND, ARTIFACT_NOT_FOUND, ROUTE_NOT_FOUND, NODE_NOT_FOUND, CUSTOMER_NOT_FOUND, API_KEY_NOT_FOUND, DATASET_NOT_FOUND, PACKAGE_NOT_FOUND, UPLOAD_NOT_FOUND, WEBHOOK_NOT_FOUND */
        404: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a training package and its bytes, unless an active job uses it */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: JOB_NOT_FOUND, ARTIFACT_NOT_FOUND, ROUTE_NOT_FOUND, NODE_NOT_FOUND, CUSTOMER_NOT_FOUND, API_KEY_NOT_FOUND, DATASET_NOT_FOUND, PACKAGE_NOT_FOUND, UPLOAD_NOT_FOUND, WEBHOOK_NOT_FOUND */
        404: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: DATASET_NOT_READY, DATASET_IN_USE, PACKAGE_NOT_READY, PACKAGE_IN_USE, UPLOAD_STATE_INVALID, JOB_NOT_CANCELLABLE */
        409: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customer/training-packages/{id}/content": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Upload the whole training package in one request (up to 100 MiB) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/octet-stream": string;
        };
      };
      responses: {
        /** @description Stored and its digest matched; finalize it next */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["TrainingPackage"];
          };
        };
        /** @description Error: IDEMPOTENCY_KEY_INVALID, PAGINATION_INVALID_CURSOR, EXPORT_RANGE_TOO_LARGE, WEBHOOK_INVALID_URL, VALIDATION_FAILED */
        400: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: JOB_NOT_FOUND, ARTIFACT_NOT_FOUND, ROUTE_NOT_FOUND, NODE_NOT_FOUND, CUSTOMER_NOT_FOUND, API_KEY_NOT_FOUND, DATASET_NOT_FOUND, PACKAGE_NOT_FOUND, UPLOAD_NOT_FOUND, WEBHOOK_NOT_FOUND */
        404: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: DATASET_NOT_READY, DATASET_IN_USE, PACKAGE_NOT_READY, PACKAGE_IN_USE, UPLOAD_STATE_INVALID, JOB_NOT_CANCELLABLE */
        409: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: PAYLOAD_TOO_LARGE */
        413: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: IDEMPOTENCY_CONFLICT, PACKAGE_INVALID, PLAN_INVALID, CHECKSUM_MISMATCH */
        422: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customer/training-packages/{id}/uploads": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start a multipart upload (replaces one still open) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Started; PUT the parts, then complete */
        201: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["MultipartUpload"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: JOB_NOT_FOUND, ARTIFACT_NOT_FOUND, ROUTE_NOT_FOUND, NODE_NOT_FOUND, CUSTOMER_NOT_FOUND, API_KEY_NOT_FOUND, DATASET_NOT_FOUND, PACKAGE_NOT_FOUND, UPLOAD_NOT_FOUND, WEBHOOK_NOT_FOUND */
        404: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: DATASET_NOT_READY, DATASET_IN_USE, PACKAGE_NOT_READY, PACKAGE_IN_USE, UPLOAD_STATE_INVALID, JOB_NOT_CANCELLABLE */
        409: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customer/training-packages/{id}/uploads/{upload_id}/parts/{part_number}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Upload one part (1–10,000; up to 100 MiB; all but the last at least 5 MiB)
     * @description Send Content-Length. Parts may be sent in any order and retried.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          upload_id: string;
          part_number: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/octet-stream": string;
        };
      };
      responses: {
        /** @description Stored; keep the etag for complete */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["UploadedPart"];
          };
        };
        /** @description Error: IDEMPOTENCY_KEY_INVALID, PAGINATION_INVALID_CURSOR, EXPORT_RANGE_TOO_LARGE, WEBHOOK_INVALID_URL, VALIDATION_FAILED */
        400: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: JOB_NOT_FOUND, ARTIFACT_NOT_FOUND, ROUTE_NOT_FOUND, NODE_NOT_FOUND, CUSTOMER_NOT_FOUND, API_KEY_NOT_FOUND, DATASET_NOT_FOUND, PACKAGE_NOT_FOUND, UPLOAD_NOT_FOUND, WEBHOOK_NOT_FOUND */
        404: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: DATASET_NOT_READY, DATASET_IN_USE, PACKAGE_NOT_READY, PACKAGE_IN_USE, UPLOAD_STATE_INVALID, JOB_NOT_CANCELLABLE */
        409: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: PAYLOAD_TOO_LARGE */
        413: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: IDEMPOTENCY_CONFLICT, PACKAGE_INVALID, PLAN_INVALID, CHECKSUM_MISMATCH */
        422: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customer/training-packages/{id}/uploads/{upload_id}/complete": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Assemble the uploaded parts into the file */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          upload_id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["CompleteMultipartUpload"];
        };
      };
      responses: {
        /** @description Assembled; finalize it next */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["TrainingPackage"];
          };
        };
        /** @description Error: IDEMPOTENCY_KEY_INVALID, PAGINATION_INVALID_CURSOR, EXPORT_RANGE_TOO_LARGE, WEBHOOK_INVALID_URL, VALIDATION_FAILED */
        400: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: JOB_NOT_FOUND, ARTIFACT_NOT_FOUND, ROUTE_NOT_FOUND, NODE_NOT_FOUND, CUSTOMER_NOT_FOUND, API_KEY_NOT_FOUND, DATASET_NOT_FOUND, PACKAGE_NOT_FOUND, UPLOAD_NOT_FOUND, WEBHOOK_NOT_FOUND */
        404: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: DATASET_NOT_READY, DATASET_IN_USE, PACKAGE_NOT_READY, PACKAGE_IN_USE, UPLOAD_STATE_INVALID, JOB_NOT_CANCELLABLE */
        409: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: IDEMPOTENCY_CONFLICT, PACKAGE_INVALID, PLAN_INVALID, CHECKSUM_MISMATCH */
        422: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customer/training-packages/{id}/finalize": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Verify the stored bytes and make the training package ready
     * @description Idempotent: a ready one answers 200 unchanged; a failed one answers its error again.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Verified and ready */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["TrainingPackage"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: JOB_NOT_FOUND, ARTIFACT_NOT_FOUND, ROUTE_NOT_FOUND, NODE_NOT_FOUND, CUSTOMER_NOT_FOUND, API_KEY_NOT_FOUND, DATASET_NOT_FOUND, PACKAGE_NOT_FOUND, UPLOAD_NOT_FOUND, WEBHOOK_NOT_FOUND */
        404: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: DATASET_NOT_READY, DATASET_IN_USE, PACKAGE_NOT_READY, PACKAGE_IN_USE, UPLOAD_STATE_INVALID, JOB_NOT_CANCELLABLE */
        409: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: IDEMPOTENCY_CONFLICT, PACKAGE_INVALID, PLAN_INVALID, CHECKSUM_MISMATCH */
        422: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customer/training-jobs": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List training jobs, newest first */
    get: {
      parameters: {
        query?: {
          /** @description Items per page, 1 to 100 */
          limit?: number;
          /** @description The `next_cursor` of the previous page */
          cursor?: string;
          status?: "queued" | "running" | "completed" | "failed" | "cancelled";
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page of jobs */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              data: components["schemas"]["TrainingJob"][];
              page: components["schemas"]["PageInfo"];
            };
          };
        };
        /** @description Error: IDEMPOTENCY_KEY_INVALID, PAGINATION_INVALID_CURSOR, EXPORT_RANGE_TOO_LARGE, WEBHOOK_INVALID_URL, VALIDATION_FAILED */
        400: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    /** Create a training job */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description 8–255 characters of A-Z a-z 0-9 . _ : - */
          "idempotency-key"?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: {
        content: {
          "application/json": components["schemas"]["CreateTrainingJob"];
        };
      };
      responses: {
        /** @description The original job, replayed for a repeated key */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["TrainingJob"];
          };
        };
        /** @description The job, queued */
        201: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["TrainingJob"];
          };
        };
        /** @description Error: IDEMPOTENCY_KEY_INVALID, PAGINATION_INVALID_CURSOR, EXPORT_RANGE_TOO_LARGE, WEBHOOK_INVALID_URL, VALIDATION_FAILED */
        400: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: CREDIT_INSUFFICIENT */
        402: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: JOB_NOT_FOUND, ARTIFACT_NOT_FOUND, ROUTE_NOT_FOUND, NODE_NOT_FOUND, CUSTOMER_NOT_FOUND, API_KEY_NOT_FOUND, DATASET_NOT_FOUND, PACKAGE_NOT_FOUND, UPLOAD_NOT_FOUND, WEBHOOK_NOT_FOUND */
        404: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: DATASET_NOT_READY, DATASET_IN_USE, PACKAGE_NOT_READY, PACKAGE_IN_USE, UPLOAD_STATE_INVALID, JOB_NOT_CANCELLABLE */
        409: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: IDEMPOTENCY_CONFLICT, PACKAGE_INVALID, PLAN_INVALID, CHECKSUM_MISMATCH */
        422: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: RATE_LIMITED, DAILY_TASK_LIMIT_EXCEEDED */
        429: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            "Retry-After": components["headers"]["Retry-After"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customer/training-jobs/{id}/cancel": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel a job: running units stop, the reservation is released */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The cancelled job */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["TrainingJob"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: JOB_NOT_FOUND, ARTIFACT_NOT_FOUND, ROUTE_NOT_FOUND, NODE_NOT_FOUND, CUSTOMER_NOT_FOUND, API_KEY_NOT_FOUND, DATASET_NOT_FOUND, PACKAGE_NOT_FOUND, UPLOAD_NOT_FOUND, WEBHOOK_NOT_FOUND */
        404: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: DATASET_NOT_READY, DATASET_IN_USE, PACKAGE_NOT_READY, PACKAGE_IN_USE, UPLOAD_STATE_INVALID, JOB_NOT_CANCELLABLE */
        409: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customer/training-jobs/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read a training job */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The job */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["TrainingJob"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: JOB_NOT_FOUND, ARTIFACT_NOT_FOUND, ROUTE_NOT_FOUND, NODE_NOT_FOUND, CUSTOMER_NOT_FOUND, API_KEY_NOT_FOUND, DATASET_NOT_FOUND, PACKAGE_NOT_FOUND, UPLOAD_NOT_FOUND, WEBHOOK_NOT_FOUND */
        404: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customer/training-jobs/{id}/compute-units": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The job's compute units in plan order, with their attempts */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every unit of the job */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              data: components["schemas"]["ComputeUnit"][];
            };
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: JOB_NOT_FOUND, ARTIFACT_NOT_FOUND, ROUTE_NOT_FOUND, NODE_NOT_FOUND, CUSTOMER_NOT_FOUND, API_KEY_NOT_FOUND, DATASET_NOT_FOUND, PACKAGE_NOT_FOUND, UPLOAD_NOT_FOUND, WEBHOOK_NOT_FOUND */
        404: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customer/training-jobs/{id}/compute-units/{unit_id}/output": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The tail of a unit's logs and the metrics it reported */
    get: {
      parameters: {
        query?: {
          lines?: number;
        };
        header?: never;
        path: {
          id: string;
          unit_id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Log lines, oldest first, and metric points */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              logs: string[];
              metrics: {
                [key: string]: unknown;
              }[];
            };
          };
        };
        /** @description Error: IDEMPOTENCY_KEY_INVALID, PAGINATION_INVALID_CURSOR, EXPORT_RANGE_TOO_LARGE, WEBHOOK_INVALID_URL, VALIDATION_FAILED */
        400: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: JOB_NOT_FOUND, ARTIFACT_NOT_FOUND, ROUTE_NOT_FOUND, NODE_NOT_FOUND, CUSTOMER_NOT_FOUND, API_KEY_NOT_FOUND, DATASET_NOT_FOUND, PACKAGE_NOT_FOUND, UPLOAD_NOT_FOUND, WEBHOOK_NOT_FOUND */
        404: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customer/training-jobs/{id}/events": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The job's timeline, newest first */
    get: {
      parameters: {
        query?: {
          /** @description Items per page, 1 to 100 */
          limit?: number;
          /** @description The `next_cursor` of the previous page */
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page of events */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              data: components["schemas"]["JobEvent"][];
              page: components["schemas"]["PageInfo"];
            };
          };
        };
        /** @description Error: IDEMPOTENCY_KEY_INVALID, PAGINATION_INVALID_CURSOR, EXPORT_RANGE_TOO_LARGE, WEBHOOK_INVALID_URL, VALIDATION_FAILED */
        400: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: JOB_NOT_FOUND, ARTIFACT_NOT_FOUND, ROUTE_NOT_FOUND, NODE_NOT_FOUND, CUSTOMER_NOT_FOUND, API_KEY_NOT_FOUND, DATASET_NOT_FOUND, PACKAGE_NOT_FOUND, UPLOAD_NOT_FOUND, WEBHOOK_NOT_FOUND */
        404: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customer/training-jobs/{id}/artifacts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The job's checkpoints, metrics and logs */
    get: {
      parameters: {
        query?: {
          /** @description Items per page, 1 to 100 */
          limit?: number;
          /** @description The `next_cursor` of the previous page */
          cursor?: string;
          kind?: "checkpoint" | "metrics" | "logs" | "other";
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page of artifacts */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              data: components["schemas"]["Artifact"][];
              page: components["schemas"]["PageInfo"];
            };
          };
        };
        /** @description Error: IDEMPOTENCY_KEY_INVALID, PAGINATION_INVALID_CURSOR, EXPORT_RANGE_TOO_LARGE, WEBHOOK_INVALID_URL, VALIDATION_FAILED */
        400: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: JOB_NOT_FOUND, ARTIFACT_NOT_FOUND, ROUTE_NOT_FOUND, NODE_NOT_FOUND, CUSTOMER_NOT_FOUND, API_KEY_NOT_FOUND, DATASET_NOT_FOUND, PACKAGE_NOT_FOUND, UPLOAD_NOT_FOUND, WEBHOOK_NOT_FOUND */
        404: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customer/training-jobs/{id}/artifacts/{artifact_id}/download-url": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A signed download URL for an artifact (900 s) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          artifact_id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The URL and when it expires */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              download_url: string;
              expires_at: string;
            };
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: JOB_NOT_FOUND, ARTIFACT_NOT_FOUND, ROUTE_NOT_FOUND, NODE_NOT_FOUND, CUSTOMER_NOT_FOUND, API_KEY_NOT_FOUND, DATASET_NOT_FOUND, PACKAGE_NOT_FOUND, UPLOAD_NOT_FOUND, WEBHOOK_NOT_FOUND */
        404: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: SIGNED_URL_FAILED, WEBHOOK_DELIVERY_FAILED */
        502: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customer/pricing": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Credits per second of runtime, by workload */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The rate table */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              [key: string]: unknown;
            };
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customer/credits/ledger": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The credit ledger, newest first */
    get: {
      parameters: {
        query?: {
          /** @description Items per page, 1 to 100 */
          limit?: number;
          /** @description The `next_cursor` of the previous page */
          cursor?: string;
          /** @description Only entries of this type */
          type?: "grant" | "reservation" | "release" | "charge" | "refund";
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page of ledger entries */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              data: components["schemas"]["LedgerEntry"][];
              page: components["schemas"]["PageInfo"];
            };
          };
        };
        /** @description Error: IDEMPOTENCY_KEY_INVALID, PAGINATION_INVALID_CURSOR, EXPORT_RANGE_TOO_LARGE, WEBHOOK_INVALID_URL, VALIDATION_FAILED */
        400: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customer/usage/summary": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Balance, this UTC month's usage, and jobs by status */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The summary */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["UsageSummary"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customer/usage/daily": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Usage per UTC day, ending today, days without use as zeros */
    get: {
      parameters: {
        query?: {
          /** @description How many days, 1 to 90 */
          days?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description One entry per day, oldest first */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              data: components["schemas"]["UsageDay"][];
            };
          };
        };
        /** @description Error: IDEMPOTENCY_KEY_INVALID, PAGINATION_INVALID_CURSOR, EXPORT_RANGE_TOO_LARGE, WEBHOOK_INVALID_URL, VALIDATION_FAILED */
        400: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/customer/usage/export.csv": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every charged compute unit in a date range, as CSV
     * @description UTC dates, both included, at most 90 days. Columns: date, job_id, job_name, compute_unit_id, stage, kind, node_id, runtime_seconds, credits, ledger_entry_id. Records end in CRLF and are quoted as RFC 4180 has it. A text cell that begins with =, +, -, @, tab or CR gets a leading apostrophe, so a spreadsheet shows it as text instead of running it as a formula.
     */
    get: {
      parameters: {
        query: {
          date_from: string;
          date_to: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The CSV file, streamed */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "text/csv": string;
          };
        };
        /** @description Error: IDEMPOTENCY_KEY_INVALID, PAGINATION_INVALID_CURSOR, EXPORT_RANGE_TOO_LARGE, WEBHOOK_INVALID_URL, VALIDATION_FAILED */
        400: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
            "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
            "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/admin/customers": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List customers */
    get: {
      parameters: {
        query?: {
          /** @description Items per page, 1 to 100 */
          limit?: number;
          /** @description The `next_cursor` of the previous page */
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page of customers */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              data: components["schemas"]["Customer"][];
              page: components["schemas"]["PageInfo"];
            };
          };
        };
        /** @description Error: IDEMPOTENCY_KEY_INVALID, PAGINATION_INVALID_CURSOR, EXPORT_RANGE_TOO_LARGE, WEBHOOK_INVALID_URL, VALIDATION_FAILED */
        400: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    /** Create a customer with opening credits and its first API key */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: {
        content: {
          "application/json": {
            name: string;
            /** @default 0 */
            credits?: number;
            limits?: {
              jobs_per_minute?: number;
              max_active_jobs?: number;
              daily_unit_quota?: number;
              requests_per_minute?: number;
            };
          };
        };
      };
      responses: {
        /** @description The customer, and its first key (shown once) */
        201: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              customer: components["schemas"]["Customer"];
              api_key: components["schemas"]["NewApiKey"];
            };
          };
        };
        /** @description Error: IDEMPOTENCY_KEY_INVALID, PAGINATION_INVALID_CURSOR, EXPORT_RANGE_TOO_LARGE, WEBHOOK_INVALID_URL, VALIDATION_FAILED */
        400: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/admin/customers/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read a customer */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The customer */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Customer"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: JOB_NOT_FOUND, ARTIFACT_NOT_FOUND, ROUTE_NOT_FOUND, NODE_NOT_FOUND, CUSTOMER_NOT_FOUND, API_KEY_NOT_FOUND, DATASET_NOT_FOUND, PACKAGE_NOT_FOUND, UPLOAD_NOT_FOUND, WEBHOOK_NOT_FOUND */
        404: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/admin/customers/{id}/credits": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Grant credits */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: {
        content: {
          "application/json": {
            amount: number;
            /** @default Credits granted by an operator */
            description?: string;
          };
        };
      };
      responses: {
        /** @description The new balance and the ledger entry */
        201: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              balance: number;
              reserved: number;
              ledger_entry_id: string;
            };
          };
        };
        /** @description Error: IDEMPOTENCY_KEY_INVALID, PAGINATION_INVALID_CURSOR, EXPORT_RANGE_TOO_LARGE, WEBHOOK_INVALID_URL, VALIDATION_FAILED */
        400: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: JOB_NOT_FOUND, ARTIFACT_NOT_FOUND, ROUTE_NOT_FOUND, NODE_NOT_FOUND, CUSTOMER_NOT_FOUND, API_KEY_NOT_FOUND, DATASET_NOT_FOUND, PACKAGE_NOT_FOUND, UPLOAD_NOT_FOUND, WEBHOOK_NOT_FOUND */
        404: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/admin/customers/{id}/limits": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a customer's limits */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: {
        content: {
          "application/json": {
            jobs_per_minute?: number;
            max_active_jobs?: number;
            daily_unit_quota?: number;
            requests_per_minute?: number;
          };
        };
      };
      responses: {
        /** @description The limits now in force */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Limits"];
          };
        };
        /** @description Error: IDEMPOTENCY_KEY_INVALID, PAGINATION_INVALID_CURSOR, EXPORT_RANGE_TOO_LARGE, WEBHOOK_INVALID_URL, VALIDATION_FAILED */
        400: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: JOB_NOT_FOUND, ARTIFACT_NOT_FOUND, ROUTE_NOT_FOUND, NODE_NOT_FOUND, CUSTOMER_NOT_FOUND, API_KEY_NOT_FOUND, DATASET_NOT_FOUND, PACKAGE_NOT_FOUND, UPLOAD_NOT_FOUND, WEBHOOK_NOT_FOUND */
        404: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    trace?: never;
  };
  "/admin/node-enrollments": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a one-time enrollment token for a home node */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: {
        content: {
          "application/json": {
            /**
             * @default low_sensitive
             * @enum {string}
             */
            clearance?: "public" | "low_sensitive" | "high_sensitive";
          };
        };
      };
      responses: {
        /** @description The token, shown once */
        201: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              enrollment_token: string;
              /**
               * Format: date-time
               * @example 2026-12-01T00:00:00Z
               */
              expires_at: string;
              /** @enum {string} */
              clearance: "public" | "low_sensitive" | "high_sensitive";
            };
          };
        };
        /** @description Error: IDEMPOTENCY_KEY_INVALID, PAGINATION_INVALID_CURSOR, EXPORT_RANGE_TOO_LARGE, WEBHOOK_INVALID_URL, VALIDATION_FAILED */
        400: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/admin/nodes": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List nodes with their state and last heartbeat */
    get: {
      parameters: {
        query?: {
          /** @description Items per page, 1 to 100 */
          limit?: number;
          /** @description The `next_cursor` of the previous page */
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page of nodes */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              data: components["schemas"]["Node"][];
              page: components["schemas"]["PageInfo"];
            };
          };
        };
        /** @description Error: IDEMPOTENCY_KEY_INVALID, PAGINATION_INVALID_CURSOR, EXPORT_RANGE_TOO_LARGE, WEBHOOK_INVALID_URL, VALIDATION_FAILED */
        400: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/admin/nodes/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read a node */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The node */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Node"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: JOB_NOT_FOUND, ARTIFACT_NOT_FOUND, ROUTE_NOT_FOUND, NODE_NOT_FOUND, CUSTOMER_NOT_FOUND, API_KEY_NOT_FOUND, DATASET_NOT_FOUND, PACKAGE_NOT_FOUND, UPLOAD_NOT_FOUND, WEBHOOK_NOT_FOUND */
        404: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/admin/nodes/{id}/clearance": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Set a node's sensitivity clearance */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: {
        content: {
          "application/json": {
            /** @enum {string} */
            clearance: "public" | "low_sensitive" | "high_sensitive";
          };
        };
      };
      responses: {
        /** @description The node */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Node"];
          };
        };
        /** @description Error: IDEMPOTENCY_KEY_INVALID, PAGINATION_INVALID_CURSOR, EXPORT_RANGE_TOO_LARGE, WEBHOOK_INVALID_URL, VALIDATION_FAILED */
        400: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: JOB_NOT_FOUND, ARTIFACT_NOT_FOUND, ROUTE_NOT_FOUND, NODE_NOT_FOUND, CUSTOMER_NOT_FOUND, API_KEY_NOT_FOUND, DATASET_NOT_FOUND, PACKAGE_NOT_FOUND, UPLOAD_NOT_FOUND, WEBHOOK_NOT_FOUND */
        404: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/admin/nodes/{id}/suspend": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Suspend a node: its connection closes and its units are retried elsewhere */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The node */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Node"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: JOB_NOT_FOUND, ARTIFACT_NOT_FOUND, ROUTE_NOT_FOUND, NODE_NOT_FOUND, CUSTOMER_NOT_FOUND, API_KEY_NOT_FOUND, DATASET_NOT_FOUND, PACKAGE_NOT_FOUND, UPLOAD_NOT_FOUND, WEBHOOK_NOT_FOUND */
        404: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/health": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness check */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The Worker is up */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @enum {string} */
              status: "ok";
              time: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/nodes/register": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Register a home node with a one-time enrollment token */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: {
        content: {
          "application/json": {
            enrollment_token: string;
            name: string;
            capabilities: {
              cpu_cores: number;
              memory_mb: number;
              disk_free_mb: number;
              gpus: {
                index: number;
                name: string;
                vram_total_mb: number;
                vram_free_mb: number;
                /** @default false */
                simulated?: boolean;
              }[];
              agent_version: string;
              python_version: string | null;
              os?: string;
              /** @default false */
              sandboxed?: boolean;
            };
          };
        };
      };
      responses: {
        /** @description The node's identity and secret */
        201: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              node_id: string;
              /** @description Shown once; the node keeps it */
              node_secret: string;
              /** @enum {string} */
              environment: "development" | "production";
            };
          };
        };
        /** @description Error: IDEMPOTENCY_KEY_INVALID, PAGINATION_INVALID_CURSOR, EXPORT_RANGE_TOO_LARGE, WEBHOOK_INVALID_URL, VALIDATION_FAILED */
        400: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/nodes/connect": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The node's WebSocket (Authorization: Bearer <node_secret>) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Switching to the node protocol */
        101: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Error: CUSTOMER_AUTH_REQUIRED, API_KEY_INVALID, API_KEY_REVOKED, ADMIN_AUTH_REQUIRED, NODE_AUTH_REQUIRED, ENROLLMENT_TOKEN_INVALID */
        401: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: */
        426: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/files/{token}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download an object through a signed URL (Range supported) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          token: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The object's bytes */
        200: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The requested range */
        206: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: JOB_NOT_FOUND, ARTIFACT_NOT_FOUND, ROUTE_NOT_FOUND, NODE_NOT_FOUND, CUSTOMER_NOT_FOUND, API_KEY_NOT_FOUND, DATASET_NOT_FOUND, PACKAGE_NOT_FOUND, UPLOAD_NOT_FOUND, WEBHOOK_NOT_FOUND */
        404: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: SIGNED_URL_FAILED, WEBHOOK_DELIVERY_FAILED */
        502: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /** Upload an object through a signed URL */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          token: string;
        };
        cookie?: never;
      };
      requestBody?: {
        content: {
          "application/octet-stream": unknown;
        };
      };
      responses: {
        /** @description Stored */
        201: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              size_bytes: number;
              sha256: string;
            };
          };
        };
        /** @description Error: IDEMPOTENCY_KEY_INVALID, PAGINATION_INVALID_CURSOR, EXPORT_RANGE_TOO_LARGE, WEBHOOK_INVALID_URL, VALIDATION_FAILED */
        400: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: API_KEY_SCOPE_DENIED, NODE_SUSPENDED, SIGNED_URL_EXPIRED, SIGNED_URL_INVALID */
        403: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: PAYLOAD_TOO_LARGE */
        413: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: IDEMPOTENCY_CONFLICT, PACKAGE_INVALID, PLAN_INVALID, CHECKSUM_MISMATCH */
        422: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Error: SIGNED_URL_FAILED, WEBHOOK_DELIVERY_FAILED */
        502: {
          headers: {
            "X-Request-Id": components["headers"]["X-Request-Id"];
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    ApiKey: {
      id: string;
      name: string;
      /** @description The key's first characters, to tell keys apart */
      prefix: string;
      scopes: (
        | "datasets:read"
        | "datasets:write"
        | "packages:read"
        | "packages:write"
        | "jobs:read"
        | "jobs:write"
        | "usage:read"
        | "webhooks:write"
        | "keys:write"
      )[];
      /**
       * Format: date-time
       * @example 2026-12-01T00:00:00Z
       */
      created_at: string;
      /**
       * Format: date-time
       * @example 2026-12-01T00:00:00Z
       */
      revoked_at: string | null;
      /**
       * Format: date-time
       * @example 2026-12-01T00:00:00Z
       */
      last_used_at: string | null;
    };
    PageInfo: {
      limit: number;
      next_cursor: string | null;
      has_more: boolean;
    };
    Error: {
      error: {
        /** @enum {string} */
        code:
          | "CUSTOMER_AUTH_REQUIRED"
          | "API_KEY_INVALID"
          | "API_KEY_REVOKED"
          | "API_KEY_SCOPE_DENIED"
          | "CREDIT_INSUFFICIENT"
          | "RATE_LIMITED"
          | "DAILY_TASK_LIMIT_EXCEEDED"
          | "LEGACY_DEPRECATED"
          | "JOB_NOT_FOUND"
          | "ARTIFACT_NOT_FOUND"
          | "SIGNED_URL_FAILED"
          | "IDEMPOTENCY_CONFLICT"
          | "IDEMPOTENCY_KEY_INVALID"
          | "PAGINATION_INVALID_CURSOR"
          | "EXPORT_RANGE_TOO_LARGE"
          | "WEBHOOK_INVALID_URL"
          | "WEBHOOK_DELIVERY_FAILED"
          | "INTERNAL_ERROR"
          | "VALIDATION_FAILED"
          | "ROUTE_NOT_FOUND"
          | "METHOD_NOT_ALLOWED"
          | "UNSUPPORTED_MEDIA_TYPE"
          | "ADMIN_AUTH_REQUIRED"
          | "NODE_AUTH_REQUIRED"
          | "NODE_SUSPENDED"
          | "NODE_NOT_FOUND"
          | "ENROLLMENT_TOKEN_INVALID"
          | "CUSTOMER_NOT_FOUND"
          | "API_KEY_NOT_FOUND"
          | "DATASET_NOT_FOUND"
          | "DATASET_NOT_READY"
          | "DATASET_IN_USE"
          | "PACKAGE_NOT_FOUND"
          | "PACKAGE_NOT_READY"
          | "PACKAGE_IN_USE"
          | "PACKAGE_INVALID"
          | "PLAN_INVALID"
          | "UPLOAD_STATE_INVALID"
          | "UPLOAD_NOT_FOUND"
          | "CHECKSUM_MISMATCH"
          | "PAYLOAD_TOO_LARGE"
          | "JOB_NOT_CANCELLABLE"
          | "WEBHOOK_NOT_FOUND"
          | "SIGNED_URL_EXPIRED"
          | "SIGNED_URL_INVALID";
        message: string;
        request_id: string;
        details?: unknown;
      };
    };
    NewApiKey: components["schemas"]["ApiKey"] & {
      /** @description The full key. Shown once; store it now. */
      key: string;
    };
    CreatedWebhookEndpoint: components["schemas"]["WebhookEndpoint"] & {
      /**
       * @description The signing secret; shown only in this response
       * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwTrWdYk3bVxE=
       */
      secret: string;
    };
    WebhookEndpoint: {
      /** @example we_3kT9x0aQ1vZr8mLp */
      id: string;
      /** @example https://hooks.example.com/gpu-agent */
      url: string;
      events: ("training_job.completed" | "training_job.failed" | "training_job.cancelled")[];
      /** @enum {string} */
      status: "enabled" | "disabled";
      disabled_reason: string | null;
      /**
       * Format: date-time
       * @example 2026-12-01T00:00:00Z
       */
      created_at: string;
    };
    WebhookDelivery: {
      /** @description Also the webhook-id header of every attempt */
      id: string;
      endpoint_id: string;
      /** @example training_job.completed */
      event_type: string;
      payload: {
        [key: string]: unknown;
      };
      /** @enum {string} */
      status: "pending" | "succeeded" | "failed";
      attempts: number;
      last_status_code: number | null;
      last_error: string | null;
      /**
       * Format: date-time
       * @example 2026-12-01T00:00:00Z
       */
      next_attempt_at: string | null;
      /** @enum {string|null} */
      error_code: "WEBHOOK_DELIVERY_FAILED" | null;
      /**
       * Format: date-time
       * @example 2026-12-01T00:00:00Z
       */
      created_at: string;
      /**
       * Format: date-time
       * @example 2026-12-01T00:00:00Z
       */
      updated_at: string;
    };
    Dataset: {
      /** @example 0b7c3f9e-5d1a-4c1e-9f6a-2d8e7b1c4a90 */
      id: string;
      name: string;
      description: string | null;
      size_bytes: number;
      sha256: string;
      /** @enum {string} */
      status: "pending_upload" | "uploaded" | "ready" | "failed" | "invalid";
      failure: components["schemas"]["UploadFailure"];
      upload: components["schemas"]["UploadInstructions"];
      /**
       * Format: date-time
       * @example 2026-12-01T00:00:00Z
       */
      created_at: string;
      /**
       * Format: date-time
       * @example 2026-12-01T00:00:00Z
       */
      updated_at: string;
      /**
       * Format: date-time
       * @example 2026-12-01T00:00:00Z
       */
      ready_at: string | null;
      format: string | null;
    };
    /** @description Why it ended failed or invalid */
    UploadFailure: {
      code: string;
      message: string;
      details?: unknown;
    } | null;
    /** @description Present until finalized */
    UploadInstructions: {
      /** @enum {string} */
      method: "PUT";
      /** @description Send the whole file here as the raw body */
      url: string;
      /** @enum {string} */
      content_type: "application/octet-stream";
      max_single_put_bytes: number;
      single_put_allowed: boolean;
      multipart: {
        create_url: string;
        /** @description Template: fill {upload_id}, {part_number} */
        part_url: string;
        complete_url: string;
        /** @description Every part but the last */
        min_part_bytes: number;
        max_part_bytes: number;
        max_parts: number;
      };
      finalize_url: string;
    } | null;
    CreateDataset: {
      /** @example mnist-train */
      name: string;
      description?: string;
      /** @description Exact size of the file, at most 53687091200 bytes */
      size_bytes: number;
      /**
       * @description SHA-256 of the whole file, lowercase hex
       * @example e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
       */
      sha256: string;
      format?: string;
    };
    MultipartUpload: {
      upload_id: string;
      part_url: string;
      complete_url: string;
      min_part_bytes: number;
      max_part_bytes: number;
      max_parts: number;
    };
    UploadedPart: {
      part_number: number;
      /** @description Pass it back to complete the upload */
      etag: string;
      size_bytes: number;
      sha256: string;
    };
    CompleteMultipartUpload: {
      parts: {
        part_number: number;
        etag: string;
      }[];
    };
    TrainingPackage: {
      /** @example 0b7c3f9e-5d1a-4c1e-9f6a-2d8e7b1c4a90 */
      id: string;
      name: string;
      description: string | null;
      size_bytes: number;
      sha256: string;
      /** @enum {string} */
      status: "pending_upload" | "uploaded" | "ready" | "failed" | "invalid";
      failure: components["schemas"]["UploadFailure"];
      upload: components["schemas"]["UploadInstructions"];
      /**
       * Format: date-time
       * @example 2026-12-01T00:00:00Z
       */
      created_at: string;
      /**
       * Format: date-time
       * @example 2026-12-01T00:00:00Z
       */
      updated_at: string;
      /**
       * Format: date-time
       * @example 2026-12-01T00:00:00Z
       */
      ready_at: string | null;
      /** @description Set once ready */
      entrypoint: string | null;
      /** @description gpu-agent.json, when the zip has one */
      manifest: {
        /** @default train.py */
        entrypoint: string;
        stages?: {
          name: string;
          /** @enum {string} */
          kind: "cpu" | "gpu";
          entrypoint: string;
          /** @default [] */
          depends_on: string[];
          /** @default 1 */
          parallel: number;
        }[];
      } | null;
      entry_count: number | null;
      uncompressed_bytes: number | null;
    };
    CreateTrainingPackage: {
      /** @example mnist-train */
      name: string;
      description?: string;
      /** @description Exact size of the file, at most 2147483648 bytes */
      size_bytes: number;
      /**
       * @description SHA-256 of the whole file, lowercase hex
       * @example e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
       */
      sha256: string;
    };
    TrainingJob: {
      id: string;
      /** @enum {string} */
      object: "training_job";
      name: string;
      /** @enum {string} */
      status: "queued" | "running" | "completed" | "failed" | "cancelled";
      dataset_id: string;
      training_package_id: string;
      required_vram_mb: number;
      required_disk_mb: number;
      max_runtime_seconds: number;
      /** @enum {string} */
      sensitivity: "public" | "low_sensitive" | "high_sensitive";
      hyperparameters: {
        [key: string]: unknown;
      };
      /**
       * @description Compute units by status, and `total`
       * @example {
       *       "total": 3,
       *       "completed": 1,
       *       "running": 1,
       *       "blocked": 1
       *     }
       */
      progress: {
        [key: string]: number;
      };
      projected_credits: number;
      charged_credits: number;
      error: {
        code: string;
        message: string;
      } | null;
      /**
       * Format: date-time
       * @example 2026-12-01T00:00:00Z
       */
      created_at: string;
      /**
       * Format: date-time
       * @example 2026-12-01T00:00:00Z
       */
      updated_at: string;
      /**
       * Format: date-time
       * @example 2026-12-01T00:00:00Z
       */
      started_at: string | null;
      /**
       * Format: date-time
       * @example 2026-12-01T00:00:00Z
       */
      finished_at: string | null;
    };
    CreateTrainingJob: {
      /** @example tiny-mlp-fine-tune */
      name: string;
      dataset_id: string;
      training_package_id: string;
      /**
       * @description VRAM the train stage needs, 0–196608 MB
       * @example 8000
       */
      required_vram_mb: number;
      /**
       * @description Disk each unit may use, 1 MB–1 TiB
       * @example 1024
       */
      required_disk_mb: number;
      /**
       * @description Longest a unit may run, 1 s–24 h
       * @example 600
       */
      max_runtime_seconds: number;
      /**
       * @example low_sensitive
       * @enum {string}
       */
      sensitivity: "public" | "low_sensitive" | "high_sensitive";
      /**
       * @description A JSON object handed to the entry point
       * @example {
       *       "epochs": 20
       *     }
       */
      hyperparameters?: {
        [key: string]: unknown;
      };
    };
    ComputeUnit: {
      id: string;
      /** @enum {string} */
      object: "compute_unit";
      job_id: string;
      stage: string;
      /** @enum {string} */
      kind: "cpu" | "gpu";
      shard_index: number;
      shard_count: number;
      /** @enum {string} */
      status:
        | "blocked"
        | "ready"
        | "assigned"
        | "running"
        | "verifying"
        | "completed"
        | "failed"
        | "rejected"
        | "verification_failed"
        | "cancelled";
      depends_on: string[];
      requirements: {
        vram_mb: number;
        disk_mb: number;
      };
      node_id: string | null;
      attempt_count: number;
      attempts: components["schemas"]["Attempt"][];
      runtime_seconds: number | null;
      credits_charged: number;
      error: {
        code: string;
        message: string;
      } | null;
      /**
       * Format: date-time
       * @example 2026-12-01T00:00:00Z
       */
      created_at: string;
      /**
       * Format: date-time
       * @example 2026-12-01T00:00:00Z
       */
      started_at: string | null;
      /**
       * Format: date-time
       * @example 2026-12-01T00:00:00Z
       */
      finished_at: string | null;
    };
    Attempt: {
      id: string;
      number: number;
      node_id: string;
      status: string;
      outcome: string | null;
      verdict: {
        ok: boolean;
        reasons: string[];
      } | null;
      /**
       * Format: date-time
       * @example 2026-12-01T00:00:00Z
       */
      started_at: string;
      /**
       * Format: date-time
       * @example 2026-12-01T00:00:00Z
       */
      ended_at: string | null;
    };
    JobEvent: {
      id: string;
      type: string;
      compute_unit_id: string | null;
      node_id: string | null;
      data: {
        [key: string]: unknown;
      } | null;
      /**
       * Format: date-time
       * @example 2026-12-01T00:00:00Z
       */
      created_at: string;
    };
    Artifact: {
      id: string;
      /** @enum {string} */
      object: "artifact";
      job_id: string;
      compute_unit_id: string;
      /** @enum {string} */
      kind: "checkpoint" | "metrics" | "logs" | "other";
      name: string;
      size_bytes: number;
      sha256: string;
      /**
       * Format: date-time
       * @example 2026-12-01T00:00:00Z
       */
      created_at: string;
    };
    LedgerEntry: {
      id: string;
      /** @enum {string} */
      object: "ledger_entry";
      /** @enum {string} */
      type: "grant" | "reservation" | "release" | "charge" | "refund";
      /** @description Grants and refunds add to the balance; a charge is negative. A reservation moves credits into `reserved`, a release moves them out; neither changes the balance. */
      amount: number;
      balance_after: number;
      reserved_after: number;
      job_id: string | null;
      compute_unit_id: string | null;
      description: string | null;
      /**
       * Format: date-time
       * @example 2026-12-01T00:00:00Z
       */
      created_at: string;
    };
    UsageSummary: {
      /** @enum {string} */
      object: "usage_summary";
      balance: number;
      /** @description Held for running and queued jobs */
      reserved: number;
      /** @description balance − reserved */
      available: number;
      month: {
        /** @example 2026-12-01 */
        start_date: string;
        credits_charged: number;
        credits_refunded: number;
        units_completed: number;
        units_failed: number;
        /** @description Runtime of completed units, in seconds */
        cpu_seconds: number;
        /** @description Runtime of completed units, in seconds */
        gpu_seconds: number;
      };
      jobs: {
        queued: number;
        running: number;
        completed: number;
        failed: number;
        cancelled: number;
      };
    };
    UsageDay: {
      /** @example 2026-12-01 */
      date: string;
      credits_charged: number;
      units_completed: number;
      units_failed: number;
      /** @description Runtime of completed units, in seconds */
      cpu_seconds: number;
      /** @description Runtime of completed units, in seconds */
      gpu_seconds: number;
    };
    Customer: {
      id: string;
      name: string;
      credit_balance: number;
      credit_reserved: number;
      limits: components["schemas"]["Limits"];
      /**
       * Format: date-time
       * @example 2026-12-01T00:00:00Z
       */
      created_at: string;
    };
    Limits: {
      jobs_per_minute: number;
      max_active_jobs: number;
      daily_unit_quota: number;
      requests_per_minute: number;
    };
    Node: {
      id: string;
      name: string;
      /** @enum {string} */
      status: "active" | "suspended";
      /** @enum {string} */
      state: "connected" | "disconnected" | "suspended";
      /** @enum {string} */
      clearance: "public" | "low_sensitive" | "high_sensitive";
      capabilities: {
        [key: string]: unknown;
      };
      reliability: number;
      running_units: number;
      units_completed: number;
      units_failed: number;
      /**
       * Format: date-time
       * @example 2026-12-01T00:00:00Z
       */
      last_heartbeat_at: string | null;
      /**
       * Format: date-time
       * @example 2026-12-01T00:00:00Z
       */
      created_at: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: {
    /** @description This request's id; quote it when reporting a problem */
    "X-Request-Id": string;
    /** @description The limit that applied: the job-creation window on POST /customer/training-jobs, the request budget elsewhere */
    "X-RateLimit-Limit": number;
    /** @description What is left of that limit */
    "X-RateLimit-Remaining": number;
    /** @description Unix seconds when the window frees a slot or resets */
    "X-RateLimit-Reset": number;
    /** @description Seconds to wait before retrying */
    "Retry-After": number;
    /** @description `true` when the answer replays the job first created with this key */
    "Idempotent-Replayed": "true";
  };
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
