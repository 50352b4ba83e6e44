package org.urbaninvest.project.rest;

import jakarta.validation.groups.Default;

/** Constraints that hold only when creating: a PUT names the resource in its path, a POST in its body. */
public interface OnCreate extends Default {
}
