/** The OpenAPI document of the JSON API and the route that serves it. */
package dev.atelier.web.api.openapi;
