package org.itlgateway.gateway.console;

import static org.itlgateway.gateway.console.Html.el;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.itlgateway.gateway.http.Pages;
import org.junit.jupiter.api.Test;

/** Pages are written so that no value becomes markup, and the console's paths are told from the API's. */
class HtmlTest {

    @Test
    void textAndAttributeValuesAreEscapedWhateverTheyHold() {
        String html = el("p").attr("title", "\" onmouseover=\"alert(1)").text("<script>alert('x')</script> & more")
                .render();

        assertEquals("<p title=\"&quot; onmouseover=&quot;alert(1)\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
                + " &amp; more</p>", html);
    }

    @Test
    void aLinkMayOnlyBeAPathOfThisSite() {
        assertThrows(IllegalArgumentException.class, () -> el("a").attr("href", "javascript:alert(1)"));
        assertThrows(IllegalArgumentException.class, () -> el("a").attr("href", "//attacker.example/"));
        assertThrows(IllegalArgumentException.class, () -> el("a").attr("href", "/\\attacker.example/"));
        assertThrows(IllegalArgumentException.class, () -> el("form").attr("action", "https://attacker.example/"));
        assertThrows(IllegalArgumentException.class, () -> el("a onclick"));
        assertEquals("<a href=\"/console/transactions/CDM1\">CDM1</a>",
                el("a", "CDM1").attr("href", Html.path("/console", "transactions", "CDM1")).render());
    }

    @Test
    void pathSegmentsAndQueryValuesAreEncoded() {
        assertEquals("/console/accounts/..%2F..%2Ftransactions", Html.path("/console", "accounts", "../../transactions"));
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("status", "a&b=c");
        query.put("type", "");
        assertEquals("/console/transactions?status=a%26b%3Dc", Html.query("/console/transactions", query));
    }

    @Test
    void theConsolesPathsArePlainSegmentsUnderItsPrefixOnly() {
        Pages pages = new Pages("/console", List.of(), List.of());

        assertTrue(pages.covers("/console"));
        assertTrue(pages.covers("/console/"));
        assertTrue(pages.covers("/console/transactions/CDM1"));
        assertFalse(pages.covers("/consoles"));
        assertFalse(pages.covers("/console/../transactions"));
        assertFalse(pages.covers("/console/./x"));
        assertFalse(pages.covers("/console/%2e%2e/transactions"));
        assertFalse(pages.covers("/console/a%2Fb"));
        assertFalse(pages.covers("/console//x"));
        assertFalse(pages.covers("/transactions"));
    }
}
