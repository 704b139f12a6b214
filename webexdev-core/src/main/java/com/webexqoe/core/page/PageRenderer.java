package com.webexqoe.core.page;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.util.Locale;

/**
 * Renders {@code templates/dashboard.html} with Thymeleaf. {@code th:text} escapes everything it
 * prints, so a post or feed title containing markup shows as text. Built once per container.
 */
public final class PageRenderer {

    static final String TEMPLATE = "dashboard";

    private final TemplateEngine engine;

    public PageRenderer() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(PageRenderer.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
    }

    public String render(PageModel model) {
        Context context = new Context(Locale.ROOT);
        context.setVariable("page", model);
        return engine.process(TEMPLATE, context);
    }
}
