#ifndef CSAKSGANG_XML_SHIM_H
#define CSAKSGANG_XML_SHIM_H
/* Debian builds libxml2 with ICU, and encoding.h then includes ICU's headers, whose
   UErrorCode clashes with Foundation's own ICU module in any Swift file that imports both.
   Nothing here touches the ICU converter fields (they sit behind pointers), so hide them. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/dict.h>
#include <libxml/SAX2.h>

/// An external entity loader that loads nothing: no file://, no network.
static xmlParserInputPtr saksgang_no_entity_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
    (void)url; (void)id; (void)ctxt;
    return NULL;
}
static inline void saksgang_xml_install_safe_loader(void) {
    xmlSetExternalEntityLoader(saksgang_no_entity_loader);
}
/// A generic error handler that prints nothing. libxml2 reports encoder failures through its
/// generic handler, which by default writes bytes of the document to stderr; that would
/// bypass the reader's rule of never passing libxml2's messages on. The handler is
/// thread-local in libxml2: call this on the thread that parses.
static void saksgang_xml_silent(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static inline void saksgang_xml_silence_generic_errors(void) {
    xmlSetGenericErrorFunc(NULL, saksgang_xml_silent);
}
/// The parser's dictionary, for interning the names a mapping compares against.
static inline xmlDictPtr saksgang_xml_ctxt_dict(xmlParserCtxtPtr ctxt) { return ctxt->dict; }
static inline int saksgang_xml_ctxt_line(xmlParserCtxtPtr ctxt) {
    return (ctxt && ctxt->input) ? ctxt->input->line : 0;
}
#endif
