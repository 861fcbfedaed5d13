package io.openrsp.rsp.es;

/** The input of an ES1/ES2/ES3 function: a {@link RequestHeader} followed by the function's elements. */
public interface EsRequest extends EsMessage {

    RequestHeader header();
}
