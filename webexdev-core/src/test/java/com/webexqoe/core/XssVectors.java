package com.webexqoe.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Hostile strings for every outside text that reaches the page: representative filter-evasion
 * vectors after the OWASP XSS Filter Evasion Cheat Sheet (written for this project, not copied),
 * and server-side template expressions. Each script payload, if it ever ran, would count in
 * {@code window.__xss} (or call the overridden {@code alert}); each template expression carries a
 * marker, so that an evaluated one would show as {@code ssti:49} (or set a system property).
 *
 * <p>{@code {P}} stands for the payload and {@code {ATK}} for the attacker's origin (another port
 * on 127.0.0.1, where every request is counted).
 */
final class XssVectors {

    /** What a vector runs if it ever gets the chance. */
    static final String PAYLOAD = "top.__xss++";
    static final String SSTI_PROPERTY = "webexdev.ssti";

    private static final List<String> HTML = List.of(
            "<script>{P}</script>",
            "<SCRIPT SRC={ATK}/xss.js></SCRIPT>",
            "<IMG SRC=\"javascript:{P};\">",
            "<IMG SRC=JaVaScRiPt:{P}>",
            "<IMG SRC=`javascript:{P}`>",
            "<img src=x onerror={P}>",
            "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#49;&#41;>",
            "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x31&#x29>",
            "<IMG SRC=\"jav\tascript:{P};\">",
            "<IMG SRC=\"jav&#x0A;ascript:{P};\">",
            "<svg/onload={P}>",
            "<svg><script>{P}</script></svg>",
            "<BODY ONLOAD={P}>",
            "<iframe src=\"javascript:{P}\"></iframe>",
            "<iframe srcdoc=\"<script>parent.__xss++</script>\"></iframe>",
            "<a href=\"javascript:{P}\">click</a>",
            "\"><script>{P}</script>",
            "'><img src=x onerror={P}>",
            "</textarea><script>{P}</script>",
            "</title><script>{P}</script>",
            "<<SCRIPT>{P}//<</SCRIPT>",
            "<IMG \"\"\"><SCRIPT>{P}</SCRIPT>\">",
            "<scr<script>ipt>{P}</scr</script>ipt>",
            "<IMG SRC=x onerror=\"{P}\"",
            "<DIV STYLE=\"width: expression({P});\">",
            "<STYLE>@import'{ATK}/xss.css';</STYLE>",
            "<LINK REL=\"stylesheet\" HREF=\"{ATK}/xss.css\">",
            "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:{P};\">",
            "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"{ATK}/scriptlet.html\"></OBJECT>",
            "<EMBED SRC=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9InRvcC5fX3hzcysrIj48L3N2Zz4=\">",
            "<a href=\"data:text/html;base64,PHNjcmlwdD50b3AuX194c3MrKzwvc2NyaXB0Pg==\">x</a>",
            "<BASE HREF=\"{ATK}/\">",
            "<details open ontoggle={P}>",
            "<input autofocus onfocus={P}>",
            "<math><mtext><table><mglyph><style><img src=x onerror={P}>",
            "\\u003cscript\\u003e{P}\\u003c/script\\u003e",
            "%3Cscript%3E{P}%3C%2Fscript%3E",
            "<img src={ATK}/pixel.gif>",
            "javascript:{P}");

    private static final List<String> TEMPLATE = List.of(
            "ssti:[[${7*7}]]",
            "ssti:[(${7*7})]",
            "ssti:__${7*7}__",
            "ssti:${7*7}",
            "ssti:*{7*7}",
            "ssti:#{7*7}",
            "ssti:{{7*7}}",
            "ssti:${T(java.lang.System).setProperty('" + SSTI_PROPERTY + "','1')}",
            "ssti:__${T(java.lang.System).setProperty('" + SSTI_PROPERTY + "','2')}__::.x",
            "ssti:[[${T(java.lang.Runtime).getRuntime().availableProcessors()}]]",
            "ssti:@{/x(a=${7*7})}",
            "ssti:~{::html}");

    /** Used as links: none may become an {@code href} unless it is https. */
    static final List<String> URLS = List.of(
            "javascript:{P}",
            "JaVaScRiPt:{P}",
            " javascript:{P}",
            "java\tscript:{P}",
            "jav&#x09;ascript:{P}",
            "data:text/html;base64,PHNjcmlwdD50b3AuX194c3MrKzwvc2NyaXB0Pg==",
            "vbscript:msgbox(1)",
            "//{ATK}/x",
            "http://{ATK}/x",
            "https://status.webex.com/x\" onmouseover=\"{P}",
            "https:javascript:{P}",
            "https://status.webex.com@{ATK}/incidents/1",
            "https://status.webex.com/x'><script>{P}</script>");

    private XssVectors() {
    }

    /** Every vector, with the payload and the attacker origin filled in. */
    static List<String> all(String attackerOrigin) {
        List<String> vectors = new ArrayList<>();
        HTML.forEach(v -> vectors.add(fill(v, attackerOrigin)));
        vectors.addAll(TEMPLATE);
        return vectors;
    }

    static List<String> urls(String attackerOrigin) {
        String host = attackerOrigin.replace("http://", "");
        return URLS.stream().map(v -> v.replace("{P}", PAYLOAD).replace("{ATK}", host)).toList();
    }

    static boolean isTemplate(String vector) {
        return vector.startsWith("ssti:");
    }

    private static String fill(String vector, String attackerOrigin) {
        return vector.replace("{P}", PAYLOAD).replace("{ATK}", attackerOrigin);
    }
}
