package org.chargeflex.cio.security;

import org.chargeflex.cio.user.Account;
import org.chargeflex.cio.user.UserRepository;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Operator accounts as principals of the admin API, with their roles. */
final class OperatorAccounts implements UserDetailsService {
    private final UserRepository users;

    OperatorAccounts(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        Account account = users.find(name).orElseThrow(() -> new UsernameNotFoundException("no user " + name));
        return User.withUsername(account.name()).password(account.passwordHash())
                .authorities(account.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList())
                .build();
    }
}
