package io.eddy.cep;

import java.io.Serializable;
import java.util.Comparator;

/** Orders events with equal timestamps before they are matched (ties left: arrival order). */
public interface EventComparator<T> extends Comparator<T>, Serializable {}
