package io.siodoctor.analyzer.web;

/**
 * What {@code upload.jte} shows: the page's nonce, the upload limit, whether there is a search box,
 * and the report's style and script (reports are shown inline on this page).
 */
public record UploadPageView(String nonce, long maxBytes, long maxMb, boolean search, String reportCss, String reportJs) {}
