/**
 * Finding the leading Mesos master: a static list of masters (non-leaders answer 307 with the
 * leader) or the ZooKeeper group the masters contend in ({@code json.info_<seq>} nodes).
 */
package org.exhibitormesos.mesos.http.master;
