// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import io.cascade.ingest.amf.Amf0Decoder;
import io.cascade.ingest.amf.Amf0Exception;
import io.cascade.ingest.amf.Amf0Null;
import io.cascade.ingest.amf.Amf0Number;
import io.cascade.ingest.amf.Amf0String;
import io.cascade.ingest.amf.Amf0Value;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Objects;

/**
 * A command message (Adobe RTMP spec 1.0 §7.1.1, type 20 for AMF0; type 17 is the same after
 * one format byte, §7.1.1 and AMF3 spec §4.1): the command name, a transaction id, a command
 * object, then optional arguments, all AMF0 values (§7.2).
 *
 * @param name          command name, e.g. {@code connect}
 * @param transactionId transaction id (0 when the sender expects no reply)
 * @param commandObject the command object, {@link Amf0Null} when absent
 * @param arguments     the values after the command object
 */
public record CommandMessage(String name, double transactionId, Amf0Value commandObject, List<Amf0Value> arguments)
        implements RtmpPayload {

    public CommandMessage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(commandObject, "commandObject");
        arguments = List.copyOf(arguments);
    }

    /** A command with no arguments. */
    public static CommandMessage of(String name, double transactionId, Amf0Value commandObject, Amf0Value... arguments) {
        return new CommandMessage(name, transactionId, commandObject, List.of(arguments));
    }

    /**
     * Reads a command body.
     *
     * @param amf3 whether the message is type 17, whose body starts with a format byte of 0
     * @throws RtmpProtocolException when the body is not AMF0 or has no command name
     */
    public static CommandMessage decode(ByteBuf in, boolean amf3) {
        if (amf3) {
            if (!in.isReadable() || in.readUnsignedByte() != 0) {
                throw RtmpProtocolException.malformed("command.format", "AMF3 command without the AMF0 format byte");
            }
        }
        List<Amf0Value> values;
        try {
            values = Amf0Decoder.decodeAll(in);
        } catch (Amf0Exception e) {
            throw RtmpProtocolException.malformed("command." + e.field(), e.getMessage());
        }
        if (values.isEmpty() || !(values.get(0) instanceof Amf0String name)) {
            throw RtmpProtocolException.malformed("command.name", "first value is not a string");
        }
        double transactionId = values.size() > 1 && values.get(1) instanceof Amf0Number n ? n.value() : 0;
        Amf0Value commandObject = values.size() > 2 ? values.get(2) : Amf0Null.INSTANCE;
        List<Amf0Value> arguments = values.size() > 3 ? values.subList(3, values.size()) : List.of();
        return new CommandMessage(name.value(), transactionId, commandObject, arguments);
    }

    /** Argument {@code index} as a string, or null when absent or not a string. */
    public String stringArgument(int index) {
        return index < arguments.size() && arguments.get(index) instanceof Amf0String s ? s.value() : null;
    }

    @Override
    public RtmpMessageType type() {
        return RtmpMessageType.COMMAND_AMF0;
    }

    @Override
    public void encode(ByteBuf out) {
        new Amf0String(name).encode(out);
        new Amf0Number(transactionId).encode(out);
        commandObject.encode(out);
        for (Amf0Value argument : arguments) {
            argument.encode(out);
        }
    }
}
