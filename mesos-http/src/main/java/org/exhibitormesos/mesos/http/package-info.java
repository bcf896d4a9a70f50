/**
 * Mesos v1 HTTP wire layer: the pieces shared by the scheduler client, the executor client and the
 * mesos-local emulator's server side (content types, header names, paths, RecordIO framing).
 *
 * <p>Only the generated {@code org.apache.mesos.v1.*} protobuf classes are used; nothing here loads
 * libmesos. All requests and streams use {@code application/x-protobuf} in both directions.
 */
package org.exhibitormesos.mesos.http;
