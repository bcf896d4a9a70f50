/**
 * RecordIO framing used by Mesos streaming responses: {@code <decimal byte length>\n<payload>}
 * repeated, with no terminator. Encoder and decoder are independent of Netty's pipeline so the
 * emulator's server side can reuse them.
 */
package org.exhibitormesos.mesos.http.recordio;
