// libxml2's SAX2 push parser, which SynergraphKit's SafeXML drives directly (Docs/formats.md, "Why
// libxml2 directly"). Used: the parser with its SAX2 handler, and xmlValidateNMToken (GraphML ids); no
// tree building, no XPath, no catalogs.
//
// Debian builds libxml2 with ICU, so its encoding.h includes the system's ICU headers, which clash with
// the ICU Foundation bundles (_FoundationICU). Nothing here uses ICU, and the only struct the switch
// changes (xmlCharEncodingHandler) is reached through pointers, never laid out by Swift.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/tree.h>
