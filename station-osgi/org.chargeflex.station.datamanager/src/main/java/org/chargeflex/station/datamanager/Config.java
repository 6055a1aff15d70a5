package org.chargeflex.station.datamanager;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = DataManagerImpl.PID, name = "ChargeFlex Data Manager",
        description = "Loads the channel configuration, connects the devices through their drivers, samples, "
                + "routes reads and writes and keeps each channel's history.")
@interface Config {

    @AttributeDefinition(name = "Channels file", description = "The channel configuration file (JSON, see "
            + "docs/channel-config.md). A relative path resolves against the system property chargeflex.home, "
            + "else the working directory. Re-read whenever it changes.")
    String channelsFile() default Settings.DEFAULT_CHANNELS_FILE;

    @AttributeDefinition(name = "History directory", description = "Directory of the per-channel history files; "
            + "a relative path resolves like the channels file.")
    String historyDirectory() default Settings.DEFAULT_HISTORY_DIRECTORY;

    @AttributeDefinition(name = "History records per channel", description = "How many records each channel "
            + "keeps on disk unless its configuration says otherwise: 0 keeps none, else at least 2.", min = "0")
    int historyMaxRecords() default Settings.DEFAULT_HISTORY_MAX_RECORDS;

    @AttributeDefinition(name = "Channels file check interval (ms)", description = "How often the channels file "
            + "is checked for changes of modification time or size; 0 turns the check off.", min = "0")
    long channelsFilePollMillis() default Settings.DEFAULT_CHANNELS_FILE_POLL_MILLIS;

    @AttributeDefinition(name = "Driver timeout (ms)", description = "How long a driver call (connect, read, "
            + "write, startListening) may take before the channel is flagged TIMEOUT; after 3 timeouts in a row "
            + "the connection is reopened.", min = "1")
    long driverTimeoutMillis() default Settings.DEFAULT_DRIVER_TIMEOUT_MILLIS;

    @AttributeDefinition(name = "First reconnect delay (ms)", description = "Delay before the first reconnect "
            + "attempt after a connection failed; it doubles with each further failure.", min = "1")
    long reconnectMinMillis() default Settings.DEFAULT_RECONNECT_MIN_MILLIS;

    @AttributeDefinition(name = "Longest reconnect delay (ms)", description = "Upper bound of the reconnect "
            + "delay.", min = "1")
    long reconnectMaxMillis() default Settings.DEFAULT_RECONNECT_MAX_MILLIS;
}
