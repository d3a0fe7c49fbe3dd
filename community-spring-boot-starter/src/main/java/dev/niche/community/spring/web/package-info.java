/**
 * Spring MVC support: {@link dev.niche.community.spring.web.NicheHttpStatus} maps each
 * {@link dev.niche.community.ErrorCode} to an HTTP status, and
 * {@link dev.niche.community.spring.web.NicheExceptionAdvice} answers a
 * {@link dev.niche.community.NicheException} with it.
 */
@NullMarked
package dev.niche.community.spring.web;

import org.jspecify.annotations.NullMarked;
