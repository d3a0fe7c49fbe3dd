/**
 * A server-rendered Spring Boot web app on the Niche starter: discover communities, join them, start
 * threads, reply in trees and vote, as one of a few demo accounts and its pseudonyms. Login is a
 * development stub; see {@link dev.niche.examples.web.DemoAccounts}.
 */
@NullMarked
package dev.niche.examples.web;

import org.jspecify.annotations.NullMarked;
