/**
 * GSMA SGP.02 ES1, ES2 and ES3 function calls as JSON (DESIGN.md §3.1): one request and one response record
 * per function, declared once in {@link io.openrsp.rsp.es.Es1}, {@link io.openrsp.rsp.es.Es2} and
 * {@link io.openrsp.rsp.es.Es3}, each named as in the specification with its section number.
 *
 * <p>Every request starts with a {@link io.openrsp.rsp.es.RequestHeader}, every response with a
 * {@link io.openrsp.rsp.es.ResponseHeader} whose {@link io.openrsp.rsp.es.FunctionExecutionStatus} carries the
 * SGP.02 subject and reason codes ({@link io.openrsp.rsp.es.SubjectCode}, {@link io.openrsp.rsp.es.ReasonCode})
 * when a function fails. {@link io.openrsp.rsp.es.EsJson} is the one place that turns these records into JSON
 * and back; every problem with incoming JSON surfaces as {@link io.openrsp.rsp.es.EsMessageException}.
 *
 * <p>The records check presence and shape (mandatory and conditional elements, positive numbers), not the
 * syntax of identifiers: an endpoint validates EIDs, ICCIDs and AIDs with the {@code io.openrsp.rsp.id} types so
 * that it can answer with the subject code of the identifier at fault (e.g. {@code 8.1.1} EID).
 */
package io.openrsp.rsp.es;
